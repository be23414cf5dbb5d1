/** Regenerates every example model (`npm run examples`). */
import { JET_TAGGER_DIR, generateJetTagger } from './jet_tagger/generate.ts';

const { accuracy } = generateJetTagger(JET_TAGGER_DIR);
console.log(`jet_tagger: wrote ${JET_TAGGER_DIR} (test accuracy ${(100 * accuracy).toFixed(1)}%)`);

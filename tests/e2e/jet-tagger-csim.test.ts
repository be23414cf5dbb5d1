import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/pipeline.ts';
import { runCsim } from '../../src/csim/index.ts';
import { hlsforge } from '../helpers/cli.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const MODEL = join(EXAMPLE, 'jet_tagger.onnx');
const work = tempDirForFile('e2e');

const MIXED = `OnnxModel: ${MODEL}
ProjectName: jets_mixed
HLSConfig:
  Model: { Precision: 'ap_fixed<12,5>', ReuseFactor: 1, Strategy: Latency }
  LayerType:
    Dense: { Precision: { accum: 'ap_fixed<20,8,AP_RND,AP_SAT>' } }
  LayerName:
    input: { Precision: { result: 'ap_fixed<10,4,AP_RND_CONV,AP_SAT>' } }
    fc1: { Precision: { weight: 'ap_fixed<8,2,AP_RND>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } }
    fc2: { Precision: { accum: 'ap_fixed<16,6,AP_RND_ZERO,AP_SAT_SYM>', result: 'ap_fixed<9,4,AP_RND_INF,AP_SAT>' } }
    softmax: { Precision: { result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } }
`;

const cases: { name: string; overrides?: Record<string, unknown>; yaml?: string }[] = [
  { name: 'ap_fixed<16,6>', overrides: { precision: 'ap_fixed<16,6>' } },
  { name: 'ap_fixed<8,3>', overrides: { precision: 'ap_fixed<8,3>' } },
  { name: 'mixed precisions with AP_RND/AP_SAT modes', yaml: MIXED },
  { name: 'ReuseFactor 4, resource strategy', overrides: { precision: 'ap_fixed<16,6>', reuseFactor: 4, strategy: 'resource' } },
];

describe('jet tagger: C simulation is bit-exact with the emulator on 1000 random inputs', () => {
  for (const [k, c] of cases.entries()) {
    it(`at ${c.name}`, async () => {
      const outputDir = join(work, `case${k}`);
      let configFile: string | undefined;
      if (c.yaml) writeFileSync((configFile = join(work, `case${k}.yml`)), c.yaml);
      const r = await convert({ model: c.yaml ? undefined : MODEL, configFile, overrides: { ...c.overrides, outputDir }, samples: 1000, seed: 100 + k });
      // the emulation must exercise the model: outputs vary across samples
      expect(new Set(r.emulation.output).size).toBeGreaterThan(20);
      const cs = await runCsim(outputDir, {});
      expect(cs.samples).toBe(1000);
      expect(cs.outputsCompared).toBe(5000);
      expect(cs.mismatches).toBe(0);
    });
  }

  it('works through the command line: convert, then csim reports 0 differing outputs', () => {
    const out = join(work, 'cli');
    const conv = hlsforge(['convert', MODEL, '-c', join(EXAMPLE, 'config.yml'), '-o', out, '--precision', 'ap_fixed<10,4,AP_RND,AP_SAT>', '-n', '1000']);
    expect(conv.stderr).toBe('');
    expect(conv.status).toBe(0);
    expect(conv.stdout).toContain('ap_fixed<10,4,AP_RND,AP_SAT>');
    const sim = hlsforge(['csim', out, '--json']);
    expect(sim.status).toBe(0);
    const j = JSON.parse(sim.stdout);
    expect([j.outputsCompared, j.mismatches]).toEqual([5000, 0]);
  });
});

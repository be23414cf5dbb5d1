import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import type { SweepResult } from '../sweep/sweep.ts';

/** What `hlsforge sweep --json` prints: the sweep result and how many samples it ran on. */
export type SweepFile = SweepResult & { readonly samples: number };

const NUMBERS = ['width', 'reuseFactor', 'maxAbsError', 'meanAbsError', 'lut', 'ff', 'dsp', 'bram', 'latencyCycles', 'latencyNs', 'ii', 'overflows'] as const;

/** Read and check the output of `hlsforge sweep --json` (`report --sweep`). */
export function readSweepFile(path: string): SweepFile {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw fail('file-not-found', { file, key: '--sweep' });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw fail('input-parse', { file, key: '--sweep' }, `the file must be the JSON that 'hlsforge sweep --json' prints, not unparsable text (${(e as Error).message})`);
  }
  const d = doc as Partial<SweepFile> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.points) || d.points.length === 0)
    throw fail('input-parse', { file, key: '--sweep' }, `the file must be the JSON that 'hlsforge sweep --json' prints (a non-empty 'points' list), not ${d === null ? 'null' : Array.isArray(d) ? 'a list' : typeof d === 'object' ? 'an object without points' : typeof d}`);
  d.points.forEach((p, i) => {
    const bad = typeof p?.precision !== 'string' ? 'precision' : NUMBERS.find((k) => typeof p[k] !== 'number' || !Number.isFinite(p[k]));
    if (bad) throw fail('input-parse', { file, key: '--sweep' }, `point ${i + 1} must have a ${bad === 'precision' ? 'precision string' : `finite number '${bad}'`}, not ${JSON.stringify((p as unknown as Record<string, unknown>)?.[bad])}`);
  });
  return d as SweepFile;
}

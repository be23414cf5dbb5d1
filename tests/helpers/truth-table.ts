import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from './shared.ts';

/** The vendor truth table in ../shared/reference/ap_fixed (its README gives the format): the oracle of every cast. */
export const TRUTH_TABLE_DIR = sharedPath('reference/ap_fixed') + '/';
export const TRUTH_TABLE_FILES = ['casts-small.jsonl.gz', 'casts-wide.jsonl.gz'] as const;
export const hasTruthTable = TRUTH_TABLE_FILES.every((f) => existsSync(TRUTH_TABLE_DIR + f));

/** One type: a sweep (kmin..kmax in steps of LSB/4) or a list of input values; `out` are result mantissas. */
export interface CastLine {
  type: string;
  out: number[];
  kmin?: number;
  kmax?: number;
  inputs?: number[];
}

export const readCastLines = (name: string): CastLine[] =>
  gunzipSync(readFileSync(TRUTH_TABLE_DIR + name))
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CastLine);

import { readVectors } from '../data/vectors.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { compareToFloat, type ErrorReport } from '../emulator/compare.ts';

/** hls4ml `OutputPredictions` (or `--reference`): the float and the fixed-point outputs against stored reference outputs. */
export interface ReferenceReport {
  readonly file: string;
  readonly samples: number;
  readonly float: ErrorReport;
  readonly fixed: ErrorReport;
}

export function compareToReference(file: string, outputs: { fixed: Float64Array; float: Float64Array; batch: number; width: number }): ReferenceReport {
  const ref = readVectors(file);
  if (ref.width !== outputs.width)
    throw fail('input-shape', { file }, `each reference sample must have ${outputs.width} values (the model's output size), not ${ref.width}`);
  if (ref.batch !== outputs.batch)
    throw fail('input-shape', { file }, `the reference must hold ${outputs.batch} samples (one per input vector), not ${ref.batch}`);
  return {
    file,
    samples: ref.batch,
    float: compareToFloat(outputs.float, ref.data, outputs.width),
    fixed: compareToFloat(outputs.fixed, ref.data, outputs.width),
  };
}

const one = (e: ErrorReport) =>
  `max |Δ| ${e.maxAbs.toPrecision(4)}, mean |Δ| ${e.meanAbs.toPrecision(4)}` +
  (e.argmaxAgreement !== undefined ? `, argmax agreement ${(100 * e.argmaxAgreement).toFixed(2)}%` : '');

/** Two lines for the terminal. */
export const formatReference = (r: ReferenceReport): string =>
  `vs reference ${r.file} (${r.samples} samples):\n  float: ${one(r.float)}\n  fixed: ${one(r.fixed)}\n`;

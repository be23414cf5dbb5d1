import { readVectors } from '../data/vectors.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { compareToFloat } from '../emulator/compare.ts';
import type { ReferenceErrors } from './build-report.ts';

/**
 * The comparison of the report's outputs with reference outputs (OutputPredictions or --reference): the file holds one
 * row per input vector (`inputSamples` of them); the report compares the first rows, those it profiled.
 */
export function referenceComparer(file: string, inputSamples: number) {
  const ref = readVectors(file);
  return (o: { fixed: Float64Array; float: Float64Array; batch: number; width: number }): ReferenceErrors => {
    if (ref.width !== o.width) throw fail('input-shape', { file }, `each reference sample must have ${o.width} values (the model's output size), not ${ref.width}`);
    if (ref.batch !== inputSamples) throw fail('input-shape', { file }, `the reference must hold ${inputSamples} samples (one per input vector), not ${ref.batch}`);
    const rows = ref.data.subarray(0, o.batch * o.width);
    return { file, float: compareToFloat(o.float, rows, o.width), fixed: compareToFloat(o.fixed, rows, o.width) };
  };
}

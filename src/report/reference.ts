import { readVectors } from '../data/vectors.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { compareToFloat } from '../emulator/compare.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';
import type { ReferenceErrors } from './build-report.ts';

/**
 * The comparison of the report's outputs with reference outputs (OutputPredictions or --reference), checked before
 * any work: one row of `width` values per input vector (`inputSamples` rows); the report compares the first rows,
 * those it profiled.
 */
export function referenceComparer(file: string, inputSamples: number, width: number) {
  const ref = readVectors(file);
  if (ref.width !== width) throw fail('input-shape', { file }, `each reference sample must have ${width} values (the model's output size), not ${ref.width}`);
  if (ref.batch !== inputSamples) throw fail('input-shape', { file }, `the reference must hold ${inputSamples} samples (one per input vector), not ${ref.batch}`);
  return (o: { fixed: Float64Array; float: Float64Array; batch: number; width: number }): ReferenceErrors => {
    const rows = ref.data.subarray(0, o.batch * o.width);
    return { file, float: compareToFloat(o.float, rows, o.width), fixed: compareToFloat(o.fixed, rows, o.width) };
  };
}

/** Values per sample of the emulator's outputs: every graph output, one after another. */
export const outputWidth = (g: Graph): number => g.outputs.reduce((a, name) => a + sizeOf(g.layers.find((l) => l.name === name)!.shape), 0);

import { activationIndexer, fracBits, quantizeDouble, type FixedType } from '../../fixed/index.ts';
import { reusableBuffer, type Counters, type FixedStep } from '../kernel.ts';

/**
 * Where the table is not read: mantissas m ≥ `from` get `value(m)` (a cast that counts its own overflows) instead.
 * elu/selu: from = 0 (x ≥ 0); softplus/silu: from = ceil(R/2 · 2^F) (x ≥ R/2).
 */
export interface ExactBranchStep {
  readonly from: number;
  readonly value: (m: number) => number;
}

/**
 * Table lookup shared by every table activation (sigmoid, tanh, elu, selu, softplus, softsign, silu):
 *   index = clamp(floor(x · 2^k) + N/2, 0, N−1), k = log2(N / R);  y = Q_result(table[index])
 * The result casts of all N entries are done once; an entry whose cast overflowed counts each time it is used.
 */
export function tableStep(
  inType: FixedType,
  result: FixedType,
  table: Float64Array,
  range: number,
  counters: Counters,
  exact?: ExactBranchStep,
  indexer?: (m: number) => number,
): FixedStep {
  const n = table.length;
  const indexOf = indexer ?? activationIndexer(n, range, fracBits(inType));
  const cast = new Float64Array(n);
  const overflowed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const stats = { overflows: 0 };
    cast[i] = quantizeDouble(table[i], result, stats);
    overflowed[i] = stats.overflows;
  }
  const stats = counters.stats('result');
  const from = exact?.from ?? Infinity;
  const out = reusableBuffer();
  return {
    type: result,
    run([x]) {
      const y = out(x.length);
      let overflows = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i] >= from) {
          y[i] = exact!.value(x[i]);
          continue;
        }
        const index = indexOf(x[i]);
        y[i] = cast[index];
        overflows += overflowed[index];
      }
      stats.overflows += overflows;
      return y;
    },
  };
}

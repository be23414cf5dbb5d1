import { fracBits, quantizeDoubleBig, quantizeScaledBig, type OverflowStats } from '../../fixed/index.ts';
import type { DenseConstants } from './dense.ts';

/**
 * hls4ml's accumulation (docs/arithmetic.md, "hls4ml-compatible arithmetic"), in BigInt: acc = Q_accum(bq_j); for i
 * ascending: acc = Q_accum(acc + Q_accum(x_i · w_ij)); y_j = Q_result(acc). The path for the accumulators where it
 * differs from the exact chain (accumulation() in src/fixed); both casts count accum overflows.
 */
export function denseCastProducts(k: DenseConstants, stats: OverflowStats): (x: Float64Array, rows: number) => Float64Array {
  const productFrac = fracBits(k.inType) + fracBits(k.weightType);
  const weight = Array.from(k.weight, (w) => BigInt(w));
  const { nIn, nOut, start, index, result, accum } = k;
  const accFrac = fracBits(accum);
  const biasCasts = { overflows: 0 };
  const bias = Array.from(k.bias, (b) => quantizeDoubleBig(b, accum, biasCasts)); // Q_accum(bq_j), counted per row
  return (x, rows) => {
    stats.overflows += biasCasts.overflows * rows;
    const y = new Float64Array(rows * nOut);
    for (let r = 0; r < rows; r++) {
      const xs = Array.from(x.subarray(r * nIn, (r + 1) * nIn), (v) => BigInt(v));
      for (let j = 0; j < nOut; j++) {
        let acc = bias[j];
        for (let e = start[j]; e < start[j + 1]; e++) {
          const term = quantizeScaledBig(xs[index[e]] * weight[e], productFrac, accum, stats);
          acc = quantizeScaledBig(acc + term, accFrac, accum, stats);
        }
        y[r * nOut + j] = Number(quantizeScaledBig(acc, accFrac, result.type, result.stats));
      }
    }
    return y;
  };
}

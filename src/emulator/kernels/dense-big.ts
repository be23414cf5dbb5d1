import { fracBits, quantizeDoubleBig, quantizeScaledBig, type OverflowStats } from '../../fixed/index.ts';
import type { DenseConstants } from './dense.ts';

/**
 * The dense accumulation in BigInt, for accumulators whose sums do not fit in 53 bits. On the common grid
 * G = max(F_acc, F_x + F_w): s = acc · 2^(G − F_acc) + x · w · 2^(G − F_x − F_w), acc = Q_accum(s · 2^−G).
 * `castProducts` (Arithmetic: hls4ml, where it differs: accumulation() in src/fixed): acc = Q_accum(acc + Q_accum(x·w)),
 * both casts counting accum overflows.
 */
export function denseBig(k: DenseConstants, stats: OverflowStats, castProducts = false): (x: Float64Array, rows: number) => Float64Array {
  const productFrac = fracBits(k.inType) + fracBits(k.weightType);
  const grid = Math.max(fracBits(k.accum), productFrac);
  const accUp = BigInt(grid - fracBits(k.accum));
  const termUp = BigInt(grid - productFrac);
  const weight = Array.from(k.weight, (w) => BigInt(w));
  const { nIn, nOut, start, index, result, accum } = k;
  const accFrac = fracBits(accum);
  const add = castProducts
    ? (acc: bigint, p: bigint) => quantizeScaledBig(acc + quantizeScaledBig(p, productFrac, accum, stats), accFrac, accum, stats)
    : (acc: bigint, p: bigint) => quantizeScaledBig((acc << accUp) + (p << termUp), grid, accum, stats);
  const biasCasts = { overflows: 0 };
  const bias = Array.from(k.bias, (b) => quantizeDoubleBig(b, accum, biasCasts)); // Q_accum(bq_j), counted per row
  return (x, rows) => {
    stats.overflows += biasCasts.overflows * rows;
    const y = new Float64Array(rows * nOut);
    for (let r = 0; r < rows; r++) {
      const xs = Array.from(x.subarray(r * nIn, (r + 1) * nIn), (v) => BigInt(v));
      for (let j = 0; j < nOut; j++) {
        let acc = bias[j];
        for (let e = start[j]; e < start[j + 1]; e++) acc = add(acc, xs[index[e]] * weight[e]);
        y[r * nOut + j] = Number(quantizeScaledBig(acc, accFrac, result.type, result.stats));
      }
    }
    return y;
  };
}

import { castRange, fracBits, overflowInteger, quantizeDouble, ROUND_EXACT_DOUBLE, type OverflowStats } from '../../fixed/index.ts';
import type { DenseConstants } from './dense.ts';

/**
 * The dense accumulation on plain numbers, for layers whose sums fit in 53 bits (checked by the caller).
 * With w' = w · 2^(F_acc − F_x − F_w), d = acc + x · w' is the exact sum in accum LSBs: an integer-plus-fraction
 * double, exact because its numerator on the common grid is below 2^53. Q_accum(d) = ROUND[mode](d), then range.
 */
export function denseNumber(k: DenseConstants, stats: OverflowStats): (x: Float64Array, rows: number) => Float64Array {
  const scale = 2 ** (fracBits(k.accum) - fracBits(k.inType) - fracBits(k.weightType));
  const weight = k.weight.map((w) => w * scale);
  const { accum, nIn, nOut, start, index, result } = k;
  const max = accum.signed ? 2 ** (accum.width - 1) - 1 : 2 ** accum.width - 1;
  const { min } = castRange(accum);
  const round = ROUND_EXACT_DOUBLE[accum.quant];
  const overflow = overflowInteger; // a local binding: loaders may turn imported names into getter calls
  const biasCasts = { overflows: 0 };
  const bias = k.bias.map((b) => quantizeDouble(b, accum, biasCasts)); // Q_accum(bq_j), counted once per row
  // Four samples at a time: four independent accumulation chains (the floor/round latency dominates one chain).
  return (x, rows) => {
    stats.overflows += biasCasts.overflows * rows;
    const y = new Float64Array(rows * nOut);
    let r = 0;
    for (; r + 4 <= rows; r += 4) {
      const [o0, o1, o2, o3] = [r * nIn, (r + 1) * nIn, (r + 2) * nIn, (r + 3) * nIn];
      for (let j = 0; j < nOut; j++) {
        let a0 = bias[j], a1 = a0, a2 = a0, a3 = a0;
        for (let e = start[j], end = start[j + 1]; e < end; e++) {
          const i = index[e];
          const w = weight[e];
          const d0 = a0 + x[o0 + i] * w;
          const d1 = a1 + x[o1 + i] * w;
          const d2 = a2 + x[o2 + i] * w;
          const d3 = a3 + x[o3 + i] * w;
          a0 = round(d0);
          a1 = round(d1);
          a2 = round(d2);
          a3 = round(d3);
          if (a0 > max || a0 < min) a0 = overflow(a0, accum, stats, Math.floor(d0));
          if (a1 > max || a1 < min) a1 = overflow(a1, accum, stats, Math.floor(d1));
          if (a2 > max || a2 < min) a2 = overflow(a2, accum, stats, Math.floor(d2));
          if (a3 > max || a3 < min) a3 = overflow(a3, accum, stats, Math.floor(d3));
        }
        y[r * nOut + j] = result.cast(a0);
        y[(r + 1) * nOut + j] = result.cast(a1);
        y[(r + 2) * nOut + j] = result.cast(a2);
        y[(r + 3) * nOut + j] = result.cast(a3);
      }
    }
    for (; r < rows; r++) {
      const xo = r * nIn;
      for (let j = 0; j < nOut; j++) {
        let acc = bias[j];
        for (let e = start[j], end = start[j + 1]; e < end; e++) {
          const d = acc + x[xo + index[e]] * weight[e];
          acc = round(d);
          if (acc > max || acc < min) acc = overflow(acc, accum, stats, Math.floor(d));
        }
        y[r * nOut + j] = result.cast(acc);
      }
    }
    return y;
  };
}

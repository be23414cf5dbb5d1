import { castRange, commutesWithIntegers, fracBits, quantizeDouble, type OverflowStats } from '../../fixed/index.ts';
import { maxMagnitude } from '../exact.ts';
import { reusableBuffer } from '../kernel.ts';
import { losslessScale } from '../lossless.ts';
import { intDenseModule, type IntDenseConfig } from '../wasm/dense-terms.ts';
import { DenseRunner, padOutputs } from '../wasm/dense-runner.ts';
import type { DenseConstants } from './dense.ts';

/**
 * The dense accumulation in 32-bit SIMD lanes, when it is provably exact there. With s = F_x + F_w − F_acc:
 *  - s ≤ 0: the product x·w is on the accum grid, q = x·w·2^−s is an integer and R(acc + q) = acc + q for every
 *    quantization mode;
 *  - s > 0 and mode AP_TRN / AP_RND / AP_RND_MIN_INF: those roundings commute with adding an integer, and acc is an
 *    integer in accum LSBs, so R(acc + x·w·2^−s) = acc + R(x·w·2^−s) = acc + ((x·w + add) >> s) with add = 0,
 *    2^(s−1), 2^(s−1) − 1 (floor of p/2^s, of p/2^s + ½, ceil of p/2^s − ½).
 * Then O(acc + q) is a wrap (sign-extension or mask of the low W bits), a clamp or a zeroing; the lane counts one
 * overflow whenever O changed the value, exactly once per cast that wrapped or saturated.
 * Every lane value must stay a 32-bit integer: |x|·|w'| + add < 2^31 and |acc| + |q| < 2^31.
 */
export function denseSimd(k: DenseConstants, stats: OverflowStats): ((x: Float64Array, rows: number) => Float64Array) | undefined {
  const config = simdConfig(k);
  if (!config || k.nIn === 0 || k.nOut === 0 || typeof WebAssembly === 'undefined') return undefined;
  const { nIn, nOut, start, index, accum, result } = k;
  const nOutPad = padOutputs(nOut);
  const up = 2 ** Math.max(0, -(fracBits(k.inType) + fracBits(k.weightType) - fracBits(accum)));
  const w = new Int32Array(nIn * nOutPad);
  for (let j = 0; j < nOut; j++) for (let e = start[j]; e < start[j + 1]; e++) w[index[e] * nOutPad + j] = k.weight[e] * up;
  const biasCasts = { overflows: 0 };
  const b = new Int32Array(nOutPad);
  for (let j = 0; j < nOut; j++) b[j] = quantizeDouble(k.bias[j], accum, biasCasts); // Q_accum(bq_j), counted per row
  const runner = new DenseRunner(intDenseModule(config), Int32Array, nIn, w, b);
  const scale = losslessScale(accum, result.type); // Q_result(acc) = acc · scale when defined
  const out = reusableBuffer();
  return (x, rows) => {
    const y = out(rows * nOut);
    stats.overflows += biasCasts.overflows * rows;
    stats.overflows += runner.run(x, rows, (acc, first, n) => {
      let o = first * nOut;
      for (let r = 0; r < n; r++) {
        const c = r * nOutPad;
        if (scale !== undefined) for (let j = 0; j < nOut; j++) y[o++] = acc[c + j] * scale;
        else for (let j = 0; j < nOut; j++) y[o++] = result.cast(acc[c + j]);
      }
    });
    return y;
  };
}

function simdConfig(k: DenseConstants): IntDenseConfig | undefined {
  const { accum } = k;
  const s = fracBits(k.inType) + fracBits(k.weightType) - fracBits(accum);
  const quant = accum.quant;
  if (s > 0 && !commutesWithIntegers(quant)) return undefined;
  if (s > 31 || accum.overflow === 'AP_WRAP_SM' || accum.width > 31) return undefined;
  const limit = 2 ** 31 - 1;
  let maxWeight = 0;
  for (const w of k.weight) maxWeight = Math.max(maxWeight, Math.abs(w));
  const maxW = maxWeight * 2 ** Math.max(0, -s);
  const maxX = maxMagnitude(k.inType.width, k.inType.signed);
  const add = s <= 0 || quant === 'AP_TRN' ? 0 : quant === 'AP_RND' ? 2 ** (s - 1) : 2 ** (s - 1) - 1;
  const maxQ = Math.floor((maxX * maxW + add) / 2 ** Math.max(s, 0)) + 1;
  if (maxX > limit || maxW > limit || maxX * maxW + add > limit || maxMagnitude(accum.width, accum.signed) + maxQ > limit) return undefined;
  const { min, max } = castRange(accum);
  const overflow =
    accum.overflow === 'AP_WRAP' ? (accum.signed ? 'wrap-signed' : 'wrap-unsigned') : accum.overflow === 'AP_SAT_ZERO' ? 'saturate-zero' : 'saturate';
  return { shift: Math.max(s, 0), add, min, max, overflow, width: accum.width };
}

import { Caster, fracBits, quantizeScaledBig, reciprocal, type FixedType, type OverflowStats } from '../../fixed/index.ts';
import type { LayerOf } from '../../ir/layers.ts';
import { validTaps } from '../../ir/window.ts';
import { maxMagnitude } from '../exact.ts';
import { losslessScale } from '../lossless.ts';
import { firstInShape, reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { need, singleTensor } from '../precision.ts';
import { im2colCached, im2colOf, type Im2col } from './im2col.ts';

/**
 * Pooling per channel, docs/arithmetic.md: max: y = Q_result(max of the non-padding taps), compared exactly on the
 * input's mantissas. Average: y = Q_result(s · r_n), s the exact sum of the taps that count (padding only with
 * countPad, adding 0), r_n from src/fixed/reciprocal.ts; s · r_n is an exact product of two integers when it stays
 * below 2^53, else computed in BigInt. A window with no tap that counts gives 0.
 */
export const pool: Kernel<'pool'> = {
  fixed(layer, inputs, counters) {
    const x = singleTensor(layer, inputs);
    const g = im2colOf(x.shape, layer);
    const result = need(layer, 'result');
    const stats = counters.stats('result');
    const out = reusableBuffer();
    if (layer.op === 'max') {
      const caster = new Caster(fracBits(x.type), result, stats);
      const scale = losslessScale(x.type, result); // Q_result(m) = m · scale when every input value fits
      return {
        type: result,
        variant: 'max',
        run([v], batch) {
          const y = maxima(g, v, batch, out);
          if (scale === 1) return y;
          for (let i = 0; i < y.length; i++) y[i] = scale !== undefined ? y[i] * scale : caster.cast(y[i]);
          return y;
        },
      };
    }
    const average = averager(layer, g, x.type, result, stats);
    return { type: result, variant: average.variant, run: ([v], batch) => windows(g, v, batch, out, average.cast, sum, 0) };
  },
  float(layer, [v], batch, out, inShapes) {
    const g = im2colCached(firstInShape(layer, inShapes), layer);
    if (layer.op === 'max') return maxima(g, v, batch, out);
    const n = counts(layer, g);
    return windows(g, v, batch, out, (s, p) => (n[p] === 0 ? 0 : s / n[p]), sum, 0);
  },
};

const sum = (a: number, b: number): number => a + b;

/** n per output position: every tap with countPad, else the taps that read the input. */
function counts(layer: LayerOf<'pool'>, g: Im2col): Int32Array {
  return layer.countPad ? new Int32Array(g.positions).fill(g.taps) : validTaps(g.index, g.taps);
}

/** Q_result(s · r_n) for each position's n, on numbers when every |s| · r_n < 2^53, else in BigInt. */
function averager(layer: LayerOf<'pool'>, g: Im2col, inType: FixedType, result: FixedType, stats: OverflowStats) {
  const n = counts(layer, g);
  const r = Array.from(n, (k) => (k === 0 ? { mantissa: 0, frac: 0 } : reciprocal(k)));
  const fx = fracBits(inType);
  const casters = new Map<number, Caster>();
  const casterOf = (frac: number) => casters.get(frac) ?? casters.set(frac, new Caster(fx + frac, result, stats)).get(frac)!;
  const pCaster = r.map((ri) => casterOf(ri.frac));
  const fits = r.every((ri, p) => maxMagnitude(inType.width, inType.signed) * n[p] * ri.mantissa < 2 ** 53);
  const cast = fits
    ? (s: number, p: number) => (n[p] === 0 ? 0 : pCaster[p].cast(s * r[p].mantissa))
    : (s: number, p: number) =>
        n[p] === 0 ? 0 : Number(quantizeScaledBig(BigInt(s) * BigInt(r[p].mantissa), fx + r[p].frac, result, stats));
  return { variant: fits ? 'average-number' : 'average-bigint', cast };
}

/** The maximum of the taps that read the input, per sample, output position and channel (0 for no such tap). */
function maxima(g: Im2col, x: Float64Array, batch: number, out: OutputBuffer): Float64Array {
  const { index, taps, positions, channels: C, inSize } = g;
  const y = out(batch * positions * C);
  for (let s = 0, o = 0; s < batch; s++, o += positions * C) {
    const base = s * inSize;
    for (let p = 0; p < positions; p++) {
      const yo = o + p * C;
      let first = true;
      for (let t = p * taps, end = t + taps; t < end; t++) {
        const q = index[t];
        if (q < 0) continue; // padding never takes part in a maximum
        const i = base + q * C;
        if (first) for (let c = 0; c < C; c++) y[yo + c] = x[i + c];
        else for (let c = 0; c < C; c++) if (x[i + c] > y[yo + c]) y[yo + c] = x[i + c];
        first = false;
      }
      if (first) y.fill(0, yo, yo + C);
    }
  }
  return y;
}

/**
 * For every sample, output position and channel: fold the taps that read the input with `op` from `init`, then
 * `finish(folded, position)`; a maximum over no tap gives 0.
 */
function windows(
  g: Im2col,
  x: Float64Array,
  batch: number,
  out: OutputBuffer,
  finish: (v: number, p: number) => number,
  op: (a: number, b: number) => number,
  init: number,
): Float64Array {
  const { index, taps, positions, channels: C, inSize } = g;
  const y = out(batch * positions * C);
  const acc = new Float64Array(C);
  let o = 0;
  for (let s = 0; s < batch; s++) {
    const base = s * inSize;
    for (let p = 0; p < positions; p++) {
      acc.fill(init);
      let any = false;
      for (let t = p * taps; t < (p + 1) * taps; t++) {
        const q = index[t];
        if (q < 0) continue; // padding: never in a maximum; adds 0 to a sum
        any = true;
        for (let c = 0, i = base + q * C; c < C; c++) acc[c] = op(acc[c], x[i + c]);
      }
      for (let c = 0; c < C; c++) y[o++] = any || init === 0 ? finish(acc[c], p) : 0;
    }
  }
  return y;
}

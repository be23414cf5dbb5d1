import { fracBits, quantizeDoubleBig } from '../../../fixed/index.ts';
import { hardTanhAsClip } from '../../../ir/hard-tanh.ts';
import { castRanges, hull, neededFrac, up, type Ranges } from '../interval.ts';
import { noAuto, onGrid } from './dense.ts';
import { clip, gridFloor } from './elementwise.ts';
import type { Rule } from './rule.ts';

const maxOf = (vs: bigint[]): bigint => vs.reduce((a, v) => (v > a ? v : a));
const minOf = (vs: bigint[]): bigint => vs.reduce((a, v) => (v < a ? v : a));

/** prelu: leaky_relu per channel; extremes at lo, hi or 0, on the grid F_x + F_param. */
export const prelu: Rule<'prelu'> = (layer, x, c) => {
  const pt = c.type('param', noAuto);
  const fp = fracBits(pt);
  const alpha = Array.from(layer.alpha, (a) => quantizeDoubleBig(a, pt));
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    const a = alpha[i % alpha.length];
    const f = (m: bigint): bigint => (m > 0n ? up(m, x.frac, x.frac + fp) : a * m);
    const vs = [f(x.lo[i]), f(x.hi[i]), ...(x.lo[i] < 0n && x.hi[i] > 0n ? [0n] : [])];
    lo.push(minOf(vs)), hi.push(maxOf(vs));
  }
  const pre: Ranges = { frac: x.frac + fp, lo, hi };
  const need = x.frac + Math.max(0, ...alpha.map((a) => neededFrac(a, fp)));
  return castRanges(pre, c.type('result', () => onGrid(hull(pre), need)));
};

/** hard_sigmoid: t = αq·x + βq on G = max(F_x + F_p, F_p), clamped to [0, 1] (monotone in x), then cast. */
export const hardSigmoid: Rule<'hard_sigmoid'> = (layer, x, c) => {
  const pt = c.type('param', noAuto);
  const fp = fracBits(pt);
  const [a, b] = [quantizeDoubleBig(layer.alpha, pt), quantizeDoubleBig(layer.beta, pt)];
  const g = Math.max(x.frac + fp, fp);
  const one = 1n << BigInt(g);
  const t = (m: bigint): bigint => {
    const v = ((a * m) << BigInt(g - x.frac - fp)) + (b << BigInt(g - fp));
    return v < 0n ? 0n : v > one ? one : v;
  };
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    const [p, q] = [t(x.lo[i]), t(x.hi[i])];
    lo.push(p < q ? p : q), hi.push(p < q ? q : p);
  }
  const pre: Ranges = { frac: g, lo, hi };
  const need = Math.max(0, x.frac + neededFrac(a, fp), neededFrac(b, fp));
  return castRanges(pre, c.type('result', () => onGrid(hull(pre), Math.min(need, g))));
};

export const hardTanh: Rule<'hard_tanh'> = (layer, x, cc, all, s) => clip(hardTanhAsClip(layer), x, cc, all, s);

/** thresholded_relu: x where x > θ (m > floor(θ·2^F)), else 0. */
export const thresholdedRelu: Rule<'thresholded_relu'> = (layer, x, c) => {
  const t = Number.isFinite(layer.theta) ? gridFloor(layer.theta, x.frac) : undefined;
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    const [l, h] = [x.lo[i], x.hi[i]];
    if (t === undefined ? layer.theta > 0 : h <= t) (lo.push(0n), hi.push(0n));
    else if (t === undefined || l > t) (lo.push(l), hi.push(h));
    else {
      const first = t + 1n > l ? t + 1n : l; // the smallest value that passes
      lo.push(first < 0n ? first : 0n), hi.push(h > 0n ? h : 0n);
    }
  }
  const pre: Ranges = { frac: x.frac, lo, hi };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

/** A monotone step function f(m) ∈ {−1, 0, 1}: element i takes values between f(lo) and f(hi), then Q_result. */
function steps(x: Ranges, f: (m: bigint) => bigint): Ranges {
  return { frac: 0, lo: x.lo.map(f), hi: x.hi.map(f) };
}

export const binaryTanh: Rule<'binary_tanh'> = (_layer, x, c) => {
  const pre = steps(x, (m) => (m > 0n ? 1n : -1n));
  return castRanges(pre, c.type('result', () => hull(pre)));
};

export const ternaryTanh: Rule<'ternary_tanh'> = (layer, x, c) => {
  const [t, u] = [gridFloor(layer.threshold, x.frac), gridFloor(-layer.threshold, x.frac)];
  const pre = steps(x, (m) => (m > t ? 1n : m > u ? 0n : -1n));
  return castRanges(pre, c.type('result', () => hull(pre)));
};

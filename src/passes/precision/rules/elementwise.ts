import { doubleParts, fracBits, quantizeDoubleBig } from '../../../fixed/index.ts';
import { castRanges, fullRanges, hull, neededFrac, up, type Ranges } from '../interval.ts';
import { noAuto, onGrid } from './dense.ts';
import type { Rule } from './rule.ts';

/** Any value of the input type can arrive (the input cast wraps or saturates arbitrary doubles into it). */
export const input: Rule<'input'> = (layer, _x, c) => fullRanges(c.type('result', noAuto), layer.shape.reduce((a, b) => a * b, 1));

/** y = Q_result(x): an auto result is the input's own range. */
export const linear: Rule<'linear' | 'identity'> = (_layer, x, c) => castRanges(x, c.type('result', () => hull(x)));

/** Lowered by import-qonnx before this pass; anything its result type holds. */
export const quant: Rule<'quant'> = (layer, x, c) => fullRanges(c.type('result', noAuto), x.lo.length);

/** y = Q_result(max(x, 0)): [max(lo, 0), max(hi, 0)], so an auto result is unsigned. */
export const relu: Rule<'relu'> = (_layer, x, c) => {
  const pre: Ranges = { frac: x.frac, lo: x.lo.map((m) => (m > 0n ? m : 0n)), hi: x.hi.map((m) => (m > 0n ? m : 0n)) };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

/** y = Q_result(|x|): [lo, hi] when lo ≥ 0, [−hi, −lo] when hi ≤ 0, else [0, max(−lo, hi)]; an auto result is unsigned. */
export const abs: Rule<'abs'> = (_layer, x, c) => {
  const lo = x.lo.map((m, i) => (m >= 0n ? m : x.hi[i] <= 0n ? -x.hi[i] : 0n));
  const hi = x.lo.map((m, i) => (m >= 0n ? x.hi[i] : x.hi[i] <= 0n ? -m : -m > x.hi[i] ? -m : x.hi[i]));
  const pre: Ranges = { frac: x.frac, lo, hi };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

/** batchnorm: y_c = Q_result(x · sq_c + bq_c), exact on F_x + F_scale and F_bias; extremes at the interval ends. */
export const batchnorm: Rule<'batchnorm'> = (layer, x, c) => {
  const [st, bt] = [c.type('scale', noAuto), c.type('bias', noAuto)];
  const s = Array.from(layer.scale, (v) => quantizeDoubleBig(v, st));
  const b = Array.from(layer.bias, (v) => quantizeDoubleBig(v, bt));
  const [fp, fb] = [x.frac + fracBits(st), fracBits(bt)];
  const e = Math.max(fp, fb);
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    const k = i % s.length;
    const [p, q] = s[k] >= 0n ? [x.lo[i] * s[k], x.hi[i] * s[k]] : [x.hi[i] * s[k], x.lo[i] * s[k]];
    lo.push(up(p, fp, e) + up(b[k], fb, e)), hi.push(up(q, fp, e) + up(b[k], fb, e));
  }
  const pre: Ranges = { frac: e, lo, hi };
  const need = Math.max(...s.map((m) => x.frac + neededFrac(m, fracBits(st))), ...b.map((m) => neededFrac(m, fb)));
  return castRanges(pre, c.type('result', () => onGrid(hull(pre), need === -Infinity ? 0 : need)));
};

/** y = Q_result(x > 0 ? x : αq·x): piecewise linear with its break at 0, so extremes are at lo, hi or 0. */
export const leakyRelu: Rule<'leaky_relu'> = (layer, x, c) => {
  const pt = c.type('param', noAuto);
  const fpar = fracBits(pt);
  const alpha = quantizeDoubleBig(layer.alpha, pt);
  const f = (m: bigint): bigint => (m > 0n ? up(m, x.frac, x.frac + fpar) : alpha * m);
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    const vs = [f(x.lo[i]), f(x.hi[i]), ...(x.lo[i] < 0n && x.hi[i] > 0n ? [0n] : [])];
    lo.push(vs.reduce((a, v) => (v < a ? v : a))), hi.push(vs.reduce((a, v) => (v > a ? v : a)));
  }
  const pre: Ranges = { frac: x.frac + fpar, lo, hi };
  const need = x.frac + Math.max(0, neededFrac(alpha, fpar));
  return castRanges(pre, c.type('result', () => onGrid(hull(pre), need)));
};

/**
 * clip(lo_c, hi_c): y = Q(lo_c) | Q(x) | Q(hi_c). On the input grid G, Q(lo_c) ∈ {floor(lo_c), ceil(lo_c)} and
 * likewise for hi_c; the clipped x values stay between them. An auto result keeps the input grid.
 */
export const clip: Rule<'clip'> = (layer, x, c) => {
  const g = x.frac;
  const [L, L2] = [gridFloor(layer.min, g), gridCeil(layer.min, g)];
  const [U2, U] = [gridFloor(layer.max, g), gridCeil(layer.max, g)];
  const clamp = (m: bigint) => (m < L ? L : m > U ? U : m);
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < x.lo.length; i++) {
    let [a, z] = [clamp(x.lo[i]), clamp(x.hi[i])];
    if (x.lo[i] < L2) [a, z] = [a < L ? a : L, z > L2 ? z : L2]; // some value may clip low
    if (x.hi[i] > U2) [a, z] = [a < U2 ? a : U2, z > U ? z : U]; // some value may clip high
    lo.push(a), hi.push(z);
  }
  const pre: Ranges = { frac: g, lo, hi };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

/** floor(v · 2^g) and ceil(v · 2^g) of a double, exactly. */
export function gridFloor(v: number, g: number): bigint {
  const { mantissa, frac } = doubleParts(v);
  const m = BigInt(mantissa);
  return frac <= g ? up(m, frac, g) : m >> BigInt(frac - g);
}
const gridCeil = (v: number, g: number): bigint => -gridFloor(-v, g);

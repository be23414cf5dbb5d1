import {
  SIGMOID_RANGE, TANH_RANGE, expTable, fixedType, fracBits, indexShift, invRange, invTable, log2Exact,
  sigmoidTable, tanhTable, type FixedType,
} from '../../../fixed/index.ts';
import type { PrecisionVar } from '../../../ir/layers.ts';
import type { Chooser } from '../choose.ts';
import { castInterval, mantissaOf, type Interval, type Ranges } from '../interval.ts';
import type { Rule } from './rule.ts';

/** Integer bits of the wide type an auto table is first computed in: every table here lies within [−1, 1]. */
const TABLE_HEADROOM = 4;

/**
 * A table variable's type and its entries as mantissas. An auto table keeps the placeholder's fractional bits and
 * modes (they decide how f is rounded) and gets the fewest integer bits its rounded entries (up to `lastRead`) need.
 */
export function tableOf(c: Chooser, v: PrecisionVar, make: (t: FixedType) => Float64Array, headroom = TABLE_HEADROOM, lastRead = -1): { type: FixedType; m: bigint[] } {
  const p = c.placeholder(v);
  const t = c.type(v, () => {
    const wide = fixedType(fracBits(p) + headroom, headroom, { quant: p.quant, overflow: p.overflow });
    return span(Array.from(make(wide), (x) => mantissaOf(x, fracBits(wide))), 0, lastRead, fracBits(wide));
  }, p);
  return { type: t, m: Array.from(make(t), (x) => mantissaOf(x, fracBits(t))) };
}

/** Smallest and largest of m[from..to] (to = −1: the end). */
export function span(m: readonly bigint[], from: number, to: number, frac: number): Interval {
  const end = to < 0 ? m.length - 1 : to;
  let [lo, hi] = [m[from], m[from]];
  for (let i = from; i <= end; i++) [lo, hi] = [m[i] < lo ? m[i] : lo, m[i] > hi ? m[i] : hi];
  return { frac, lo, hi };
}

/** floor(m · 2^(k − frac)), exact. */
export const scaleFloor = (m: bigint, frac: number, k: number): bigint => (k >= frac ? m << BigInt(k - frac) : m >> BigInt(frac - k));
export const clampIndex = (i: bigint, n: number): number => Number(i < 0n ? 0n : i > BigInt(n - 1) ? BigInt(n - 1) : i);

/** sigmoid/tanh: y = Q_result(table[clamp(floor(x · 2^k) + N/2)]); the index is monotone in x, so element i reads
 * only the entries between the indices of its bounds. */
function lookup(make: (n: number, t: FixedType) => Float64Array, range: number): Rule<'sigmoid' | 'tanh'> {
  return (layer, x, c) => {
    const n = layer.tableSize;
    const table = tableOf(c, 'table', (t) => make(n, t));
    const k = indexShift(n, range);
    const pre = x.lo.map((lo, i) => span(table.m, clampIndex(scaleFloor(lo, x.frac, k) + BigInt(n / 2), n), clampIndex(scaleFloor(x.hi[i], x.frac, k) + BigInt(n / 2), n), fracBits(table.type)));
    return castEach(pre, c.type('result', () => hullOf(pre)));
  };
}

export const sigmoid = lookup(sigmoidTable, SIGMOID_RANGE);
export const tanh = lookup(tanhTable, TANH_RANGE);

/**
 * softmax: e_i ∈ expTable, s = Q_accum(s + e_i) over n elements (prefix sums from one to n entries),
 * inv ∈ invTable[index range of s], y = Q_result(e · inv) exact on F_exp + F_inv. Everything is ≥ 0.
 */
export const softmax: Rule<'softmax'> = (layer, x, c) => {
  const size = layer.tableSize;
  const n = layer.shape[layer.shape.length - 1];
  const exp = tableOf(c, 'exp_table', (t) => expTable(size, t));
  const inv = tableOf(c, 'inv_table', (t) => invTable(size, n, t));
  const fe = fracBits(exp.type);
  const e = span(exp.m, 0, -1, fe);
  const accum = c.type('accum', () => ({ frac: fe, lo: e.lo, hi: e.hi * BigInt(n) }));
  const fa = fracBits(accum);
  let s: Interval = { frac: fa, lo: 0n, hi: 0n };
  for (let i = 0; i < n; i++) {
    const g = Math.max(fa, fe);
    const sh = (m: bigint, f: number) => m << BigInt(g - f);
    s = castInterval(sh(s.lo, fa) + sh(e.lo, fe), sh(s.hi, fa) + sh(e.hi, fe), g, accum);
  }
  const kInv = log2Exact(size / invRange(n), 'table size / inverse range');
  const iv = span(inv.m, clampIndex(scaleFloor(s.lo, fa, kInv), size), clampIndex(scaleFloor(s.hi, fa, kInv), size), fracBits(inv.type));
  const [a, b] = [e.lo * iv.lo, e.hi * iv.hi]; // e, inv ≥ 0
  const pre: Interval = { frac: fe + fracBits(inv.type), lo: a < b ? a : b, hi: a < b ? b : a };
  const result = c.type('result', () => pre);
  const y = castInterval(pre.lo, pre.hi, pre.frac, result);
  return { frac: y.frac, lo: x.lo.map(() => y.lo), hi: x.hi.map(() => y.hi) };
};

export function hullOf(ivs: readonly Interval[]): Interval {
  let [lo, hi] = [ivs[0].lo, ivs[0].hi];
  for (const v of ivs) [lo, hi] = [v.lo < lo ? v.lo : lo, v.hi > hi ? v.hi : hi];
  return { frac: ivs[0].frac, lo, hi };
}

export function castEach(ivs: readonly Interval[], t: FixedType): Ranges {
  const out = ivs.map((v) => castInterval(v.lo, v.hi, v.frac, t));
  return { frac: fracBits(t), lo: out.map((o) => o.lo), hi: out.map((o) => o.hi) };
}


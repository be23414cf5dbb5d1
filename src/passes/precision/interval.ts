import { doubleParts, fixedType, fracBits, castRangeBig, type FixedType } from '../../fixed/index.ts';

/**
 * Exact value ranges for precision inference: element i of a tensor lies in [lo[i], hi[i]] · 2^−frac (BigInt
 * mantissas, so any width is exact). Values are dyadic rationals; nothing here rounds except where a cast does.
 */
export interface Ranges {
  readonly frac: number;
  readonly lo: bigint[];
  readonly hi: bigint[];
}

/** One interval [lo, hi] · 2^−frac. */
export interface Interval {
  readonly frac: number;
  readonly lo: bigint;
  readonly hi: bigint;
}

/** m · 2^−from re-expressed on the finer grid 2^−to (to ≥ from). */
export const up = (m: bigint, from: number, to: number): bigint => m << BigInt(to - from);
const floorShift = (m: bigint, k: number): bigint => m >> BigInt(k); // BigInt >> is floor division by 2^k
const ceilShift = (m: bigint, k: number): bigint => -(-m >> BigInt(k));

/** The interval of Q_T(v) over v ∈ [lo, hi]: every rounding mode picks a grid neighbour, so [floor, ceil] holds it;
 * values that may overflow give T's whole range (saturating modes: the clamped range). Returned on T's grid. */
export function castInterval(lo: bigint, hi: bigint, frac: number, t: FixedType): Interval {
  const f = fracBits(t);
  const k = f - frac;
  const [a, b] = k >= 0 ? [up(lo, frac, f), up(hi, frac, f)] : [floorShift(lo, -k), ceilShift(hi, -k)];
  const { min, max } = effectiveRange(t);
  if (a >= min && b <= max) return { frac: f, lo: a, hi: b };
  if (t.overflow === 'AP_SAT' || t.overflow === 'AP_SAT_SYM') return { frac: f, lo: clamp(a, min, max), hi: clamp(b, min, max) };
  return { frac: f, lo: min < 0n || t.overflow !== 'AP_SAT_ZERO' ? min : 0n, hi: max };
}

export function castRanges(r: Ranges, t: FixedType): Ranges {
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < r.lo.length; i++) {
    const c = castInterval(r.lo[i], r.hi[i], r.frac, t);
    lo.push(c.lo), hi.push(c.hi);
  }
  return { frac: fracBits(t), lo, hi };
}

/** The values a type can hold as a result of a cast (AP_SAT_SYM never produces the most negative mantissa). */
export const effectiveRange = (t: FixedType): { min: bigint; max: bigint } => castRangeBig(t);

/** The whole range of t, for every element. */
export function fullRanges(t: FixedType, n: number): Ranges {
  const { min, max } = effectiveRange(t);
  return { frac: fracBits(t), lo: Array(n).fill(min), hi: Array(n).fill(max) };
}

/** Smallest and largest bound over all elements. */
export function hull(r: Ranges): Interval {
  let lo = r.lo[0];
  let hi = r.hi[0];
  for (let i = 1; i < r.lo.length; i++) {
    if (r.lo[i] < lo) lo = r.lo[i];
    if (r.hi[i] > hi) hi = r.hi[i];
  }
  return { frac: r.frac, lo, hi };
}

const bitLength = (m: bigint): number => (m <= 0n ? 0 : m.toString(2).length);

/**
 * The narrowest type holding every value of [lo, hi] · 2^−frac exactly: unsigned when lo ≥ 0 (W = bits of hi),
 * otherwise signed (−2^(W−1) ≤ lo, hi ≤ 2^(W−1) − 1). Exact types never round or overflow, so AP_TRN/AP_WRAP.
 */
export function narrowestType(iv: Interval): FixedType {
  const signed = iv.lo < 0n;
  const width = signed ? 1 + Math.max(bitLength(-iv.lo - 1n), bitLength(iv.hi)) : Math.max(1, bitLength(iv.hi));
  return fixedType(width, width - iv.frac, { signed });
}

/** Fractional bits a mantissa m · 2^−frac really needs (frac minus its trailing zero bits); −∞ for 0. */
export function neededFrac(m: bigint, frac: number): number {
  if (m === 0n) return -Infinity;
  let k = 0;
  while (((m >> BigInt(k)) & 1n) === 0n) k++;
  return frac - k;
}

/** The exact mantissa of a double on the grid 2^−frac (the double must lie on it). */
export function mantissaOf(x: number, frac: number): bigint {
  if (x === 0) return 0n;
  const { mantissa, frac: f } = doubleParts(x);
  const m = BigInt(mantissa);
  if (f <= frac) return up(m, f, frac);
  const k = BigInt(f - frac);
  if ((m >> k) << k !== m) throw new Error(`mantissaOf: ${x} is not on the grid 2^-${frac}`);
  return m >> k;
}

const clamp = (x: bigint, lo: bigint, hi: bigint): bigint => (x < lo ? lo : x > hi ? hi : x);

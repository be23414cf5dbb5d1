import { fixedType, fracBits, type FixedType } from './fixed-type.ts';

/** Smallest and largest mantissa of t: signed [−2^(W−1), 2^(W−1)−1], unsigned [0, 2^W−1]. Exact for W ≤ 53. */
export function rangeOf(t: FixedType): { min: number; max: number } {
  if (t.width > 53) throw new Error(`rangeOf: ${t.width}-bit mantissas are not exact numbers; use rangeOfBig`);
  return t.signed ? { min: -(2 ** (t.width - 1)), max: 2 ** (t.width - 1) - 1 } : { min: 0, max: 2 ** t.width - 1 };
}

export function rangeOfBig(t: FixedType): { min: bigint; max: bigint } {
  const w = BigInt(t.width);
  return t.signed ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n } : { min: 0n, max: (1n << w) - 1n };
}

/** Smallest and largest representable values (exact when W ≤ 53). */
export function valueRangeOf(t: FixedType): { min: number; max: number } {
  const { min, max } = rangeOf(t);
  const lsb = 2 ** -fracBits(t);
  return { min: min * lsb, max: max * lsb };
}

/** ap_fixed result type of a·b: <Wa+Wb, Ia+Ib>, signed if either is (exact, never overflows). */
export function productType(a: FixedType, b: FixedType): FixedType {
  return fixedType(a.width + b.width, a.integer + b.integer, { signed: a.signed || b.signed });
}

/** ap_fixed result type of a+b: F = max(Fa, Fb), one carry bit over the wider integer part (exact). */
export function sumType(a: FixedType, b: FixedType): FixedType {
  const signed = a.signed || b.signed;
  // an unsigned operand added to a signed one needs one more integer bit to keep its sign bit clear
  const ia = a.integer + (!a.signed && signed ? 1 : 0);
  const ib = b.integer + (!b.signed && signed ? 1 : 0);
  const integer = Math.max(ia, ib) + 1;
  const frac = Math.max(fracBits(a), fracBits(b));
  return fixedType(integer + frac, integer, { signed });
}

/**
 * The mantissas a cast to t can produce: rangeOf(t), except that AP_SAT_SYM keeps a signed range symmetric
 * (−2^(W−1) saturates to −max too; the 1-bit type keeps {−1, 0}). Exact for W ≤ 53.
 */
export function castRange(t: FixedType): { min: number; max: number } {
  const r = rangeOf(t);
  return symmetric(t) ? { min: -r.max, max: r.max } : r;
}

export function castRangeBig(t: FixedType): { min: bigint; max: bigint } {
  const r = rangeOfBig(t);
  return symmetric(t) ? { min: -r.max, max: r.max } : r;
}

const symmetric = (t: FixedType): boolean => t.signed && t.overflow === 'AP_SAT_SYM' && t.width > 1;

/**
 * ap_fixed result type of a−b: the bits of a+b, always signed (exact: for unsigned a, b the difference lies in
 * (−2^Ib, 2^Ia), inside the signed range ±2^max(Ia, Ib) of the carry bit).
 */
export function differenceType(a: FixedType, b: FixedType): FixedType {
  const s = sumType(a, b);
  return fixedType(s.width, s.integer, { signed: true });
}

/** The narrowest type holding every value of a and of b exactly (no carry bit): the hull of both grids and ranges. */
export function unionType(a: FixedType, b: FixedType): FixedType {
  const signed = a.signed || b.signed;
  const ia = a.integer + (!a.signed && signed ? 1 : 0);
  const ib = b.integer + (!b.signed && signed ? 1 : 0);
  const integer = Math.max(ia, ib);
  const frac = Math.max(fracBits(a), fracBits(b));
  return fixedType(integer + frac, integer, { signed });
}

/** A type holding the exact sum of n values of type t: ceil(log2 n) more integer bits, same grid. */
export function accumulatedType(t: FixedType, n: number): FixedType {
  const grow = n <= 1 ? 0 : Math.ceil(Math.log2(n));
  return fixedType(t.width + grow, t.integer + grow, { signed: t.signed });
}

import { quantizeScaledBig, type Caster } from '../fixed/index.ts';

/**
 * Exact integer arithmetic on mantissas with a BigInt fallback. A double result r of an operation on safe integers
 * is exact when |r| ≤ 2^53 − 1: rounding is monotonic, so a rounded |r| that small means the exact one was too.
 */
const SAFE = Number.MAX_SAFE_INTEGER;

/** Q(a · b · 2^−caster.fromFrac), a and b safe integers. */
export function castProduct(a: number, b: number, caster: Caster): number {
  const p = a * b;
  if (p <= SAFE && p >= -SAFE) return caster.cast(p);
  return Number(quantizeScaledBig(BigInt(a) * BigInt(b), caster.fromFrac, caster.type, caster.stats));
}

/** Q((a · b · 2^ab + c · 2^c) · 2^−caster.fromFrac), a, b, c safe integers, exponents ab, c ≥ 0. */
export function castAffine(a: number, b: number, abExp: number, c: number, cExp: number, caster: Caster): number {
  const s = a * b * 2 ** abExp + c * 2 ** cExp;
  if (s <= SAFE && s >= -SAFE && Math.abs(a * b) <= SAFE) return caster.cast(s);
  const exact = ((BigInt(a) * BigInt(b)) << BigInt(abExp)) + (BigInt(c) << BigInt(cExp));
  return Number(quantizeScaledBig(exact, caster.fromFrac, caster.type, caster.stats));
}

/** Largest |mantissa| of a type with the given width and signedness. */
export const maxMagnitude = (width: number, signed: boolean): number => (signed ? 2 ** (width - 1) : 2 ** width - 1);

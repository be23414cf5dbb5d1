import { fixedType, type FixedType } from '../../../fixed/index.ts';

/**
 * r_n = 1/n rounded once to nearest (ties up) with 18 + ⌈log2 n⌉ fraction bits (docs/arithmetic.md, "Pooling"):
 * mantissa ⌊(2^(F+1) + n) / (2n)⌋ over 2^F, exact as a double for any realistic n. (The emulator's
 * src/fixed/reciprocal.ts states the same rule; this file goes once that lands on main.)
 */
export function reciprocalFracBits(n: number): number {
  return 18 + (n <= 1 ? 0 : Math.ceil(Math.log2(n)));
}

export function poolReciprocal(n: number): number {
  if (n <= 0) return 0;
  const f = reciprocalFracBits(n);
  const m = (2n ** BigInt(f + 1) + BigInt(n)) / (2n * BigInt(n));
  return Number(m) / 2 ** f;
}

/** An unsigned type holding every r_k, k = 1 … n exactly: 1 integer bit (r_1 = 1) and the finest grid, r_n's. */
export function reciprocalType(n: number): FixedType {
  const f = reciprocalFracBits(Math.max(1, n));
  return fixedType(f + 1, 1, { signed: false });
}

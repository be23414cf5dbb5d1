import { ceilLog2, fixedType, reciprocal, RECIPROCAL_GUARD_BITS, type FixedType } from '../../../fixed/index.ts';

/** r_n of src/fixed/reciprocal.ts as an exact value; 0 for a window with no tap that counts (its sum is 0 anyway). */
export function poolReciprocal(n: number): number {
  if (n === 0) return 0;
  const r = reciprocal(n);
  return r.mantissa / 2 ** r.frac;
}

/** An unsigned type holding every r_k, k = 1 … n exactly: 1 integer bit (r_1 = 1) and r_n's grid, the finest. */
export function reciprocalType(n: number): FixedType {
  return fixedType(RECIPROCAL_GUARD_BITS + ceilLog2(Math.max(1, n)) + 1, 1, { signed: false });
}

import { fixedType, type FixedType } from '../../../fixed/fixed-type.ts';

/** The narrowest ap_[u]fixed holding every value exactly (all finite binary fractions), or undefined past 53 bits. */
export function typeHolding(values: ArrayLike<number>): FixedType | undefined {
  let frac = -1074;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) frac = Math.max(frac, fracBitsOf(values[i]));
  if (frac === -1074) frac = 0;
  let [lo, hi] = [0, 0];
  for (let i = 0; i < values.length; i++) {
    const m = values[i] * 2 ** frac;
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  const signed = lo < 0;
  let w = 1;
  while (w <= 53 && (signed ? lo < -(2 ** (w - 1)) || hi > 2 ** (w - 1) - 1 : hi > 2 ** w - 1)) w++;
  return w > 53 ? undefined : fixedType(w, w - frac, { signed });
}

/** The least f (possibly negative) with v · 2^f an integer. */
function fracBitsOf(v: number): number {
  let f = 0;
  while (!Number.isInteger(v * 2 ** f)) f++;
  while (f > -1074 && Number.isInteger(v * 2 ** (f - 1)) && Math.abs(v * 2 ** (f - 1)) >= 1) f--;
  return f;
}

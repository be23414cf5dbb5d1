import { fracBits, type FixedType } from './fixed-type.ts';
import { rangeOfBig } from './range.ts';

/**
 * What a type can hold, as magnitudes |x| (how hls4ml's profiling draws a type): the resolution `lsb` = 2^−F and the
 * largest magnitude, max(|min|, max) of the value range (2^(I−1) for signed types, 2^I − 2^−F for unsigned).
 * Plotting figures: exact for W ≤ 53, the nearest double above.
 */
export interface TypeExtent {
  readonly lsb: number;
  readonly max: number;
}

export function typeExtent(t: FixedType): TypeExtent {
  const { min, max } = rangeOfBig(t);
  const lsb = 2 ** -fracBits(t);
  const top = -min > max ? -min : max;
  return { lsb, max: Number(top) * lsb };
}

import { castRange, fracBits, type FixedType } from '../fixed/index.ts';

/**
 * When every value of type `from` (only the values ≥ 0 when `nonNegative`) is exactly a value of type `to`, the cast
 * Q_to never rounds nor overflows: it only rescales the mantissa, m_to = m_from · 2^(F_to − F_from). Returns that
 * factor, or undefined when some value would round or overflow.
 */
export function losslessScale(from: FixedType, to: FixedType, nonNegative = false): number | undefined {
  const shift = fracBits(to) - fracBits(from);
  if (shift < 0) return undefined;
  const scale = 2 ** shift;
  const fromMax = from.signed ? 2 ** (from.width - 1) - 1 : 2 ** from.width - 1;
  const fromMin = nonNegative || !from.signed ? 0 : -(2 ** (from.width - 1));
  const { min: toMin, max: toMax } = castRange(to);
  return fromMax * scale <= toMax && fromMin * scale >= toMin ? scale : undefined;
}

/**
 * A finite double x as an exact scaled integer: x = m · 2^−frac with m a safe integer (|m| < 2^53).
 * From the IEEE bits: a normal x is M · 2^(e−1075) with M the 53-bit significand; a subnormal is M · 2^−1074.
 */
const view = new DataView(new ArrayBuffer(8));

export interface ScaledInt {
  mantissa: number;
  frac: number;
}

export function doubleParts(x: number): ScaledInt {
  if (!Number.isFinite(x)) throw new Error(`cannot quantize ${x}: only finite numbers have a fixed-point value`);
  if (x === 0) return { mantissa: 0, frac: 0 };
  view.setFloat64(0, x);
  const biased = (view.getUint16(0) >>> 4) & 0x7ff;
  const frac = biased === 0 ? 1074 : 1075 - biased;
  // two steps so that 2^frac never overflows (frac ≤ 1074); each product is exact
  const half = frac >> 1;
  return { mantissa: x * 2 ** half * 2 ** (frac - half), frac };
}

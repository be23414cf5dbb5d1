/**
 * The average-pool reciprocal (docs/arithmetic.md, "Convolution, depthwise convolution, pooling"): r_n = 1/n rounded
 * once to nearest, ties up, with F_n = 18 + ⌈log2 n⌉ fraction bits, so that r_n · 2^F_n = ⌊2^F_n / n + ½⌋ =
 * ⌊(2^(F_n+1) + n) / 2n⌋. Exact when n is a power of two. The same constant for the emulator, C++ and Verilog.
 */
export const RECIPROCAL_GUARD_BITS = 18;

export interface Reciprocal {
  /** r_n · 2^frac, an integer in [2^18, 2^19): at most 19 bits, unsigned */
  readonly mantissa: number;
  readonly frac: number;
}

/** ⌈log2 n⌉ for an integer n ≥ 1. */
export const ceilLog2 = (n: number): number => (n <= 1 ? 0 : 32 - Math.clz32(n - 1));

export function reciprocal(n: number): Reciprocal {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 31) throw new Error(`reciprocal: n must be an integer in [1, 2^31], not ${n}`);
  const frac = RECIPROCAL_GUARD_BITS + ceilLog2(n);
  const big = BigInt(n);
  return { mantissa: Number(((1n << BigInt(frac + 1)) + big) / (2n * big)), frac };
}

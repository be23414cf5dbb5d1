import type { FixedType, QuantMode } from './fixed-type.ts';

/**
 * The quantization decision shared by the number and BigInt paths. A scaled value s (in units of the target LSB) is
 * split as s = q + r with q = floor(s), 0 ≤ r < 1; the mode only needs how r compares with ½, the sign of s
 * (s < 0 ⇔ q < 0) and, for AP_RND_CONV, the parity of q.
 */
export const Remainder = { Zero: 0, BelowHalf: 1, Half: 2, AboveHalf: 3 } as const;
export type Remainder = (typeof Remainder)[keyof typeof Remainder];

/** 1 when the mode rounds q = floor(s) up to q + 1, else 0. */
export function roundUp(mode: QuantMode, rem: Remainder, negative: boolean, qOdd: boolean): 0 | 1 {
  if (rem === Remainder.Zero) return 0;
  switch (mode) {
    case 'AP_TRN': // toward −∞
      return 0;
    case 'AP_TRN_ZERO': // toward 0
      return negative ? 1 : 0;
    case 'AP_RND': // half toward +∞
      return rem >= Remainder.Half ? 1 : 0;
    case 'AP_RND_ZERO': // half toward 0
      return rem === Remainder.AboveHalf || (rem === Remainder.Half && negative) ? 1 : 0;
    case 'AP_RND_MIN_INF': // half toward −∞
      return rem === Remainder.AboveHalf ? 1 : 0;
    case 'AP_RND_INF': // half away from 0
      return rem === Remainder.AboveHalf || (rem === Remainder.Half && !negative) ? 1 : 0;
    case 'AP_RND_CONV': // half to even
      return rem === Remainder.AboveHalf || (rem === Remainder.Half && qOdd) ? 1 : 0;
  }
}

/**
 * Rounding modes that commute with adding a whole number of LSBs: R(n + d) = n + R(d) for every integer n
 * (toward −∞, half up, half down). The sign- and parity-dependent modes (TRN_ZERO, RND_ZERO, RND_INF, RND_CONV)
 * do not: their decision depends on the value the fraction is added to.
 */
export const commutesWithIntegers = (mode: QuantMode): boolean => mode === 'AP_TRN' || mode === 'AP_RND' || mode === 'AP_RND_MIN_INF';

/**
 * An accumulator whose result does not depend on the order of its additions: with a commuting rounding mode and
 * AP_WRAP, Q(acc + p) = acc + Q(p) mod 2^W for acc on the accum grid, so the sum of the individually quantized
 * products can be formed in any order (an adder tree) and still equal the ascending chain of docs/arithmetic.md.
 */
export const isOrderFreeAccumulator = (accum: FixedType): boolean => commutesWithIntegers(accum.quant) && accum.overflow === 'AP_WRAP';

/**
 * Quantization of an exact double d (in target LSBs) to an integer. Each expression is exact: d ± ½ stays on d's
 * grid (for |d| < 2^52), and Math.floor/ceil/trunc of a double is exact. `+ 0` turns a −0 from ceil/trunc of
 * (−1, 0) into the integer 0.
 */
export const ROUND_EXACT_DOUBLE: Record<QuantMode, (d: number) => number> = {
  AP_TRN: (d) => Math.floor(d),
  AP_TRN_ZERO: (d) => Math.trunc(d) + 0,
  AP_RND: (d) => Math.floor(d + 0.5),
  AP_RND_MIN_INF: (d) => Math.ceil(d - 0.5) + 0,
  AP_RND_INF: (d) => (d < 0 ? Math.ceil(d - 0.5) + 0 : Math.floor(d + 0.5)),
  AP_RND_ZERO: (d) => (d < 0 ? Math.floor(d + 0.5) : Math.ceil(d - 0.5) + 0),
  AP_RND_CONV: (d) => {
    const q = Math.floor(d + 0.5); // half up, then a tie on an odd q goes back down to even
    return q - d === 0.5 && q % 2 !== 0 ? q - 1 : q;
  },
};

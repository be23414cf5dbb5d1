import type { QuantMode } from './fixed-type.ts';

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

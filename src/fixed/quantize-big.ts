import { fracBits, type FixedType } from './fixed-type.ts';
import { castRangeBig } from './range.ts';
import { Remainder, roundUp } from './rounding.ts';
import type { OverflowStats } from './quantize.ts';

/**
 * Q_T(m · 2^−frac) for any width, in BigInt: the reference path (the number path in quantize.ts must agree with it).
 * Returns the mantissa of the result (value · 2^F).
 */
export function quantizeScaledBig(m: bigint, frac: number, t: FixedType, stats?: OverflowStats): bigint {
  const shift = frac - fracBits(t);
  const n = roundBig(m, shift, t);
  // AP_WRAP_SM looks at the bits of the value before the rounding carry
  const truncated = shift > 0 && t.overflow === 'AP_WRAP_SM' ? m >> BigInt(shift) : n;
  return overflowBig(n, t, stats, truncated);
}

/** Quantization step: m · 2^−shift to an integer with the mode of t. */
function roundBig(m: bigint, shift: number, t: FixedType): bigint {
  if (shift <= 0) return m << BigInt(-shift);
  const s = BigInt(shift);
  const q = m >> s; // floor, also for negative m
  const r = m - (q << s);
  const half = 1n << (s - 1n);
  const rem = r === 0n ? Remainder.Zero : r < half ? Remainder.BelowHalf : r === half ? Remainder.Half : Remainder.AboveHalf;
  return q + BigInt(roundUp(t.quant, rem, q < 0n, (q & 1n) === 1n));
}

/** Overflow step: the integer n to W bits with the mode of t; `truncated` = floor before rounding (AP_WRAP_SM). */
export function overflowBig(n: bigint, t: FixedType, stats?: OverflowStats, truncated = n): bigint {
  const { min, max } = castRangeBig(t);
  if (n >= min && n <= max) return n;
  if (stats) stats.overflows++;
  switch (t.overflow) {
    case 'AP_WRAP':
      return wrapBig(n, t);
    case 'AP_SAT':
    case 'AP_SAT_SYM':
      return n > max ? max : min;
    case 'AP_SAT_ZERO':
      return 0n;
    case 'AP_WRAP_SM': {
      requireSigned(t);
      // sign-magnitude wrap: keep the low W bits of n; when their sign bit disagrees with bit W of the truncated
      // value, complement them
      const u = wrapBig(n, t);
      const bitW = (truncated >> BigInt(t.width)) & 1n;
      return (u < 0n) === (bitW === 1n) ? u : -u - 1n;
    }
  }
}

const wrapBig = (n: bigint, t: FixedType): bigint => (t.signed ? BigInt.asIntN(t.width, n) : BigInt.asUintN(t.width, n));

export function requireSigned(t: FixedType): void {
  if (!t.signed) throw new Error('AP_WRAP_SM needs a signed type: the vendor header refuses ap_ufixed with AP_WRAP_SM');
}

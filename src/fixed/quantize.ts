import { doubleParts } from './double-parts.ts';
import { fracBits, type FixedType, type QuantMode } from './fixed-type.ts';
import { quantizeScaledBig, requireSigned } from './quantize-big.ts';
import { castRange } from './range.ts';
import { Remainder, roundUp } from './rounding.ts';

/**
 * Q_T on plain numbers: exact for W ≤ 53 because every intermediate is an integer-valued double whose exact value is
 * representable (IEEE operations then return it exactly). Wider types go through the BigInt path.
 */
export interface OverflowStats {
  overflows: number;
}

/** Q_T(m · 2^−frac), m a safe integer; returns the result mantissa (value · 2^F). */
export function quantizeScaled(m: number, frac: number, t: FixedType, stats?: OverflowStats): number {
  if (!Number.isSafeInteger(m)) throw new Error(`quantizeScaled: mantissa ${m} is not a safe integer`);
  const shift = frac - fracBits(t);
  const exact = m === 0 ? 0 : m * 2 ** -shift; // used when shift ≤ 0; Infinity when beyond the double range
  if (t.width > 53 || (shift <= 0 && !Number.isFinite(exact))) {
    return toSafe(quantizeScaledBig(BigInt(m), frac, t, stats), t);
  }
  if (shift <= 0) return overflowInteger(exact, t, stats);
  const n = roundScaled(m, shift, t.quant);
  // AP_WRAP_SM looks at the bits of the value before the rounding carry
  const truncated = t.overflow === 'AP_WRAP_SM' ? (shift > 60 ? (m < 0 ? -1 : 0) : Math.floor(m * 2 ** -shift)) : n;
  return overflowInteger(n, t, stats, truncated);
}

/** Q_T(x) for a finite double x (exact: a double is a dyadic rational); returns the result mantissa. */
export function quantizeDouble(x: number, t: FixedType, stats?: OverflowStats): number {
  const { mantissa, frac } = doubleParts(x);
  return quantizeScaled(mantissa, frac, t, stats);
}

/** Q_T(x) for a finite double x, any width; returns the result mantissa. */
export function quantizeDoubleBig(x: number, t: FixedType, stats?: OverflowStats): bigint {
  const { mantissa, frac } = doubleParts(x);
  return quantizeScaledBig(BigInt(mantissa), frac, t, stats);
}

/** The value m · 2^−F of a mantissa (exact whenever that value is a double). */
export const toValue = (mantissa: number, t: FixedType): number => mantissa * 2 ** -fracBits(t);

/** Quantize float constants (weights, biases) to t; returns exact double values. */
export function quantizeArray(values: ArrayLike<number>, t: FixedType): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toValue(quantizeDouble(values[i], t), t);
  return out;
}

/**
 * Quantization step on a safe integer m with shift > 0: floor(m · 2^−shift), rounded up by the mode.
 * m · 2^−shift and its fractional part are exact doubles (a power-of-two scaling of a 53-bit integer).
 */
export function roundScaled(m: number, shift: number, mode: QuantMode): number {
  if (shift > 60) {
    // |m| < 2^53 ≤ ½ · 2^shift: the value lies strictly inside (−½, ½) LSB
    const rem = m === 0 ? Remainder.Zero : m > 0 ? Remainder.BelowHalf : Remainder.AboveHalf;
    const q = m < 0 ? -1 : 0;
    return q + roundUp(mode, rem, q < 0, q !== 0);
  }
  const d = m * 2 ** -shift;
  const q = Math.floor(d);
  const r = d - q;
  const rem = r === 0 ? Remainder.Zero : r < 0.5 ? Remainder.BelowHalf : r === 0.5 ? Remainder.Half : Remainder.AboveHalf;
  return q + roundUp(mode, rem, q < 0, q % 2 !== 0);
}

/**
 * Overflow step: an integer-valued double n (possibly ≥ 2^53, then a multiple of a power of two) to W ≤ 53 bits.
 * Wrapping computes n − floor(n / 2^W) · 2^W, exact because the result is an integer below 2^W.
 * `truncated` = floor of the value before rounding (only AP_WRAP_SM uses it).
 */
export function overflowInteger(n: number, t: FixedType, stats?: OverflowStats, truncated = n): number {
  const w = t.width;
  const { min, max } = castRange(t);
  if (n >= min && n <= max) return n;
  if (stats) stats.overflows++;
  switch (t.overflow) {
    case 'AP_WRAP':
      return wrapInteger(n, t);
    case 'AP_SAT':
    case 'AP_SAT_SYM':
      return n > max ? max : min;
    case 'AP_SAT_ZERO':
      return 0;
    case 'AP_WRAP_SM': {
      requireSigned(t);
      // sign-magnitude wrap: keep the low W bits of n; when their sign bit disagrees with bit W of the truncated
      // value, complement them
      const u = wrapInteger(n, t);
      const above = Math.floor(truncated / 2 ** w);
      const bitW = above - 2 * Math.floor(above / 2);
      return (u < 0) === (bitW === 1) ? u : -u - 1;
    }
  }
}

function wrapInteger(n: number, t: FixedType): number {
  const modulus = 2 ** t.width;
  const u = n - Math.floor(n / modulus) * modulus;
  return t.signed && u >= modulus / 2 ? u - modulus : u;
}

function toSafe(n: bigint, t: FixedType): number {
  const x = Number(n);
  if (!Number.isSafeInteger(x)) {
    throw new Error(`the ${t.width}-bit mantissa ${n} is not a safe integer; use the BigInt functions (quantizeScaledBig)`);
  }
  return x;
}

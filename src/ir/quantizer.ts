import { fixedType, type FixedType, type QuantMode } from '../fixed/fixed-type.ts';

/**
 * The QONNX integer quantizer (Quant / IntQuant, and BipolarQuant as its 1-bit signed case), exactly as the QONNX
 * reference implementation computes it:
 *   v = x / s + z
 *   q = bipolar ? (v ≥ 0 ? 1 : −1) : rnd(clamp(v, min, max))      bipolar ⇔ bitWidth = 1 and signed
 *   y = (q − z) · s
 * min/max: signed [−2^(b−1), 2^(b−1) − 1], narrow signed [−2^(b−1) + 1, 2^(b−1) − 1], unsigned [0, 2^b − 1],
 * narrow unsigned [0, 2^b − 2]. Clamping before rounding equals rounding before clamping: the bounds are integers and
 * every rounding is monotonic.
 */
export const QUANT_ROUNDINGS = ['ROUND', 'CEIL', 'FLOOR', 'UP', 'DOWN', 'HALF_UP', 'HALF_DOWN'] as const;
export type QuantRounding = (typeof QUANT_ROUNDINGS)[number];

/** Other spellings QONNX accepts (case-insensitive): HALF_EVEN is ROUND; ROUND_TO_ZERO is DOWN. */
const ALIASES: Readonly<Record<string, QuantRounding>> = { HALF_EVEN: 'ROUND', ROUND_TO_ZERO: 'DOWN' };

export interface Quantizer {
  /** one value per tensor, or one per channel of the last axis */
  readonly scale: Float64Array;
  readonly zeroPoint: Float64Array;
  readonly bitWidth: number;
  readonly signed: boolean;
  readonly narrow: boolean;
  readonly rounding: QuantRounding;
}

/** The rounding mode named by a QONNX `rounding_mode` string, or undefined when QONNX has no such mode. */
export function parseRounding(text: string): QuantRounding | undefined {
  const up = text.toUpperCase();
  return ALIASES[up] ?? QUANT_ROUNDINGS.find((m) => m === up);
}

export const isBipolar = (q: Quantizer): boolean => q.bitWidth === 1 && q.signed;

/** The integer range [min, max] of the quantizer. */
export function intRange(q: Pick<Quantizer, 'bitWidth' | 'signed' | 'narrow'>): { min: number; max: number } {
  const b = q.bitWidth;
  if (q.signed) return { min: -(2 ** (b - 1)) + (q.narrow ? 1 : 0), max: 2 ** (b - 1) - 1 };
  return { min: 0, max: 2 ** b - (q.narrow ? 2 : 1) };
}

/** rnd(v) for each mode; v − floor(v) is exact in double, so the half-way cases are decided exactly. */
export function roundQonnx(mode: QuantRounding, v: number): number {
  const f = Math.floor(v);
  const r = v - f;
  if (r === 0) return v;
  switch (mode) {
    case 'ROUND': // half to even (numpy round)
      return r > 0.5 || (r === 0.5 && f % 2 !== 0) ? f + 1 : f;
    case 'CEIL':
      return f + 1;
    case 'FLOOR':
      return f;
    case 'UP': // away from zero
      return v > 0 ? f + 1 : f;
    case 'DOWN': // toward zero
      return v > 0 ? f : f + 1;
    case 'HALF_UP': // half away from zero
      return r > 0.5 || (r === 0.5 && v > 0) ? f + 1 : f;
    case 'HALF_DOWN': // half toward zero
      return r > 0.5 || (r === 0.5 && v < 0) ? f + 1 : f;
  }
}

/** y for one element x of channel c (double arithmetic: exact when the scale is a power of two). */
export function quantValue(q: Quantizer, x: number, c = 0): number {
  const s = q.scale.length === 1 ? q.scale[0] : q.scale[c];
  const z = q.zeroPoint.length === 1 ? q.zeroPoint[0] : q.zeroPoint[c];
  const v = x / s + z;
  let n: number;
  if (isBipolar(q)) n = v >= 0 ? 1 : -1;
  else {
    const { min, max } = intRange(q);
    n = roundQonnx(q.rounding, v > max ? max : v < min ? min : v);
  }
  return (n - z) * s;
}

/** The ap_fixed quantization mode rounding as QONNX does, for the modes that have one (CEIL and UP have none). */
export const AP_QUANT: Readonly<Record<QuantRounding, QuantMode | undefined>> = {
  ROUND: 'AP_RND_CONV',
  FLOOR: 'AP_TRN',
  DOWN: 'AP_TRN_ZERO',
  HALF_UP: 'AP_RND_INF',
  HALF_DOWN: 'AP_RND_ZERO',
  CEIL: undefined,
  UP: undefined,
};

/** log2(s) when every scale is the same power of two, else undefined. */
export function commonExponent(scale: ArrayLike<number>): number | undefined {
  const s = scale[0];
  for (let i = 1; i < scale.length; i++) if (scale[i] !== s) return undefined;
  return exponentOf(s);
}

/** e when s = 2^e exactly, else undefined. */
export function exponentOf(s: number): number | undefined {
  if (!(s > 0) || !Number.isFinite(s)) return undefined;
  const e = Math.round(Math.log2(s));
  return 2 ** e === s ? e : undefined;
}

/**
 * The fixed-point type whose cast IS the quantizer, or why there is none. With s = 2^e and z = 0,
 * y = 2^e · sat(rnd(x · 2^−e)) is the cast to ap_[u]fixed<b, b + e, Q, O> (F = −e fractional bits); the overflow mode
 * is AP_SAT, or AP_SAT_SYM for narrow signed ranges (it saturates −2^(b−1) to −max, exactly the narrow clamp).
 */
export function exactCastType(q: Quantizer): { type: FixedType } | { reason: string } {
  const e = commonExponent(q.scale);
  if (e === undefined) return { reason: `scale must be one power of two, not ${showValues(q.scale)}` };
  if (q.zeroPoint.some((z) => z !== 0)) return { reason: `zero point must be 0, not ${showValues(q.zeroPoint)}` };
  if (isBipolar(q)) return { reason: 'a bipolar quantizer is not a cast' };
  const quant = AP_QUANT[q.rounding];
  if (!quant) return { reason: `rounding_mode must be one of ${roundingsWithCast()}, not ${q.rounding}` };
  if (!q.signed && q.narrow) return { reason: 'narrow must be 0 for unsigned quantizers (no ap_ufixed overflow mode stops at 2^b − 2)' };
  const overflow = q.signed && q.narrow ? 'AP_SAT_SYM' : 'AP_SAT';
  return { type: fixedType(q.bitWidth, q.bitWidth + e, { signed: q.signed, quant, overflow }) };
}

/** A 2-bit signed type holding ±2^e exactly (m = ±1 at F = −e): the values of a bipolar quantizer with scale 2^e. */
export const bipolarType = (e: number): FixedType => fixedType(2, 2 + e);

export const roundingsWithCast = (): string => QUANT_ROUNDINGS.filter((m) => AP_QUANT[m]).join(', ');

const showValues = (a: ArrayLike<number>): string =>
  a.length === 1 ? String(a[0]) : `[${Array.from(a).slice(0, 4).join(', ')}${a.length > 4 ? ', …' : ''}]`;

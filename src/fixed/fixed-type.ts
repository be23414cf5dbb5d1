/**
 * The fixed-point type of every tensor in hlsforge: Xilinx `ap_[u]fixed<W, I, Q, O>`.
 * A value v of type T is stored as its integer mantissa m = v · 2^F, F = W − I ("fractional bits", may be negative).
 */
export const QUANT_MODES = ['AP_TRN', 'AP_TRN_ZERO', 'AP_RND', 'AP_RND_ZERO', 'AP_RND_MIN_INF', 'AP_RND_INF', 'AP_RND_CONV'] as const;
export const OVERFLOW_MODES = ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM', 'AP_WRAP_SM'] as const;

export type QuantMode = (typeof QUANT_MODES)[number];
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

export interface FixedType {
  readonly signed: boolean;
  /** total bits W, 1..1024 */
  readonly width: number;
  /** integer bits I (sign bit included for signed types); may be < 0 or > W */
  readonly integer: number;
  readonly quant: QuantMode;
  readonly overflow: OverflowMode;
}

/** Fractional bits F = W − I: the mantissa of v is v · 2^F. */
export const fracBits = (t: FixedType): number => t.width - t.integer;

export function fixedType(
  width: number,
  integer: number,
  opts: { signed?: boolean; quant?: QuantMode; overflow?: OverflowMode } = {},
): FixedType {
  return Object.freeze({
    signed: opts.signed ?? true,
    width,
    integer,
    quant: opts.quant ?? 'AP_TRN',
    overflow: opts.overflow ?? 'AP_WRAP',
  });
}

export const sameFixedType = (a: FixedType, b: FixedType): boolean =>
  a.signed === b.signed && a.width === b.width && a.integer === b.integer && a.quant === b.quant && a.overflow === b.overflow;

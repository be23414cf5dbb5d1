/**
 * Where a multiply lands after `synth_xilinx -family xcup` (Yosys 0.23), learned by synthesizing a grid of constant
 * multiplies (docs/estimation.md, "How Yosys maps multiplies"):
 * - a constant 0 generates nothing; +2^k is a shift (free); −2^k is a shift and a negation (one adder);
 * - otherwise `wreduce` strips the constant to its odd part o = c / 2^tz (the trailing zeros are a shift), and mul2dsp
 *   puts the product on DSP48E2 slices when wx + width(o) ≥ 9 (DSP_Y_MINWIDTH), else it stays in LUTs;
 * - a DSP48E2 multiplies 27 × 18 signed: wider operands are split into ceil(a/27) · ceil(b/18) slices
 *   (a the wider operand).
 * Yosys never decomposes a constant multiply into shifts and adds (canonical signed digits): that is what HLS
 * tools do for LUT multiplies, and what `csdDigits` measures for the HLS model.
 */
export type MultiplierPlace =
  | { readonly kind: 'none' }
  | { readonly kind: 'free' }
  | { readonly kind: 'negate'; readonly width: number }
  | { readonly kind: 'lut'; readonly a: number; readonly b: number }
  | { readonly kind: 'dsp'; readonly slices: number; readonly a: number; readonly b: number };

export const DSP_A = 27;
export const DSP_B = 18;
/** mul2dsp's DSP_Y_MINWIDTH for the Xilinx families: narrower products stay in LUTs */
export const DSP_MIN_PRODUCT = 9;

/** Minimal two's complement width of an integer (at least 1). */
export function signedWidth(v: number): number {
  let w = 1;
  while (v < -(2 ** (w - 1)) || v > 2 ** (w - 1) - 1) w++;
  return w;
}

/** c = o · 2^tz with o odd (c ≠ 0). */
export function oddPart(c: number): number {
  let o = c;
  while (o % 2 === 0) o /= 2;
  return o;
}

/** DSP48E2 slices for an a × b signed multiply (both widths in bits). */
export function dspSlices(a: number, b: number): number {
  const [hi, lo] = a >= b ? [a, b] : [b, a];
  if (lo <= DSP_B) return Math.ceil(hi / DSP_A);
  return Math.ceil(hi / DSP_A) * Math.ceil(lo / DSP_B);
}

/** A multiply of an xWidth-bit signed signal by the integer constant c (a weight mantissa). */
export function constantMultiply(xWidth: number, c: number): MultiplierPlace {
  if (c === 0) return { kind: 'none' };
  const o = oddPart(c);
  if (o === 1) return { kind: 'free' };
  if (o === -1) return { kind: 'negate', width: xWidth + signedWidth(c) - 1 };
  return variableMultiply(xWidth, signedWidth(o));
}

/** A multiply of two signals of the given signed widths. */
export function variableMultiply(a: number, b: number): MultiplierPlace {
  if (a + b < DSP_MIN_PRODUCT) return { kind: 'lut', a, b };
  return { kind: 'dsp', slices: dspSlices(a, b), a, b };
}

/** Non-zero digits of the canonical signed-digit form of c: the adders a shift-and-add multiplier needs, plus one. */
export function csdDigits(c: number): number {
  let n = Math.abs(c);
  let digits = 0;
  while (n > 0) {
    if (n % 2 === 1) {
      digits++;
      n = n % 4 === 3 ? n + 1 : n - 1; // a run of ones 0111 becomes 100(−1)
    }
    n /= 2;
  }
  return digits;
}

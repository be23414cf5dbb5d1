import { fail, type Where } from '../../../diagnostics/diagnostic.ts';
import { fixedType, type FixedType } from '../../../fixed/fixed-type.ts';
import { exactCastType, exponentOf, quantValue, type Quantizer } from '../../../ir/quantizer.ts';
import { POSITIONAL, type QuantizerSpec } from './parse-quantizer.ts';
import { po2Values } from './po2.ts';
import { typeHolding } from './type-holding.ts';

/**
 * A QKeras quantizer, in inference mode (QKeras rounds with tf.round, half to even; stochastic rounding and
 * `qnoise_factor` only matter in training). On weights it is folded into the values, and the type holding every
 * value it can produce becomes the layer's declared precision; on activations it must be an exact fixed-point cast
 * (a QONNX-style quantizer, lowered by the import-qonnx pass), or it is refused with the reason.
 */
export interface KerasQuantizer {
  readonly spec: QuantizerSpec;
  fold(x: Float64Array): { values: Float64Array; type: FixedType | undefined };
  /** the quantizer as an activation: an exact Quantizer (after a relu for quantized_relu), or why there is none */
  readonly activation: { readonly relu: boolean; readonly quantizer: Quantizer; readonly affine?: Affine } | { readonly reason: string };
}

/** y = q · scale + bias after the quantizer q, exact in `type` (quantized_sigmoid) */
export interface Affine {
  readonly scale: number;
  readonly bias: number;
  readonly types: { readonly scale: FixedType; readonly bias: FixedType; readonly result: FixedType };
}

export const SUPPORTED_QUANTIZERS = Object.keys(POSITIONAL).join(', ');

type Args = Readonly<Record<string, unknown>>;

/** Translate a quantizer spec; `where` names the layer and `role` the quantizer key in errors. */
export function kerasQuantizer(spec: QuantizerSpec, where: Where, role: string): KerasQuantizer {
  const bad = (detail: string) => fail('unsupported-quantizer', where, `${role} ${spec.text}: ${detail}`);
  const a = spec.args;
  const qnoise = a.qnoise_factor ?? 1;
  if (qnoise !== 1) throw bad(`qnoise_factor must be 1 (a fully quantized model), not ${JSON.stringify(qnoise)}`);
  const int = (k: string, d: number): number => {
    const v = a[k] ?? d;
    const n = typeof v === 'boolean' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw bad(`${k} must be an integer, not ${JSON.stringify(v)}`);
    return n;
  };
  switch (spec.className) {
    case 'quantized_bits': return quantizedBits(spec, a, int, bad);
    case 'quantized_relu': {
      const bits = int('bits', 8);
      if (int('use_sigmoid', 0)) throw bad('use_sigmoid must be 0 (a sigmoid-normalized relu is not a fixed-point cast)');
      if (Number(a.negative_slope ?? 0) !== 0) throw bad(`negative_slope must be 0, not ${JSON.stringify(a.negative_slope)} (two roundings are not one fixed-point cast)`);
      // xq = clip(round(x · 2^(bits−integer)), 0, 2^bits − 1) · 2^(integer−bits)
      const q = grid(bits, false, false, int('integer', 0) - bits);
      return fromQuantizer(spec, q, 1, true);
    }
    case 'quantized_tanh': {
      if (a.use_real_tanh) throw bad('use_real_tanh must be 0 (a rounded real tanh is not exact in fixed point)');
      // QKeras' default tanh is 2·hard_sigmoid(x) − 1 = clip(x, −1, 1), so xq = clip(round(x·m), −m+1, m−1)/m, m = 2^(bits−1)
      const bits = int('bits', 8);
      return fromQuantizer(spec, grid(bits, true, true, 1 - bits), 1, false);
    }
    case 'quantized_sigmoid': {
      if (a.use_real_sigmoid) throw bad('use_real_sigmoid must be 0 (a rounded real sigmoid is not exact in fixed point)');
      const bits = int('bits', 8);
      if (bits < 2) throw bad(`bits must be at least 2, not ${bits}`);
      // hard sigmoid p = clip(x/2 + 1/2, 0, 1); y = clip(round(p·2^b), 1, 2^b − 1)/2^b = t/2 + 1/2 with
      // t = clip(round(x·2^(b−1)), −2^(b−1) + 1, 2^(b−1) − 1)/2^(b−1) (2^(b−1) is even, so it passes through the rounding)
      const q = grid(bits, true, true, 1 - bits);
      const half = fixedType(1, 0, { signed: false });
      const affine: Affine = { scale: 0.5, bias: 0.5, types: { scale: half, bias: half, result: fixedType(bits, 0, { signed: false }) } };
      return {
        spec,
        fold: (x) => {
          const values = x.map((v) => quantValue(q, v) / 2 + 0.5);
          return { values, type: affine.types.result };
        },
        activation: { relu: false, quantizer: q, affine },
      };
    }
    case 'binary': return binaryQ(spec, a, bad);
    case 'ternary': return ternaryQ(spec, a, bad);
    case 'quantized_po2':
    case 'quantized_relu_po2': {
      const relu = spec.className === 'quantized_relu_po2';
      if (relu && Number(a.negative_slope ?? 0) !== 0) throw bad(`negative_slope must be 0, not ${JSON.stringify(a.negative_slope)}`);
      const bits = int('bits', 8);
      const maxValue = a.max_value === undefined || a.max_value === null ? undefined : Number(a.max_value);
      if (a.quadratic_approximation) throw bad('quadratic_approximation must be false');
      const rounding = String(a.log2_rounding ?? 'rnd');
      if (rounding !== 'rnd' && rounding !== 'floor') throw bad(`log2_rounding must be 'rnd' or 'floor', not '${rounding}'`);
      return {
        spec,
        fold: (x) => {
          const values = po2Values(x, bits, maxValue, rounding, relu);
          return { values, type: typeHolding(values) };
        },
        activation: { reason: 'a power-of-two quantizer on activations is not a fixed-point cast' },
      };
    }
    default:
      throw bad(`the quantizer must be one of ${SUPPORTED_QUANTIZERS}, not '${spec.className}'`);
  }
}

/** quantized_bits: xq = α · m_i · clip(round(x · m / m_i), keep_negative · (−m + symmetric), m − 1) / m, m = 2^(bits − keep_negative), m_i = 2^integer */
function quantizedBits(spec: QuantizerSpec, a: Args, int: (k: string, d: number) => number, bad: (d: string) => Error): KerasQuantizer {
  const bits = int('bits', 8);
  const integer = int('integer', 0);
  const keepNegative = int('keep_negative', 1) !== 0;
  const symmetric = int('symmetric', 0) !== 0;
  const alpha = alphaOf(a.alpha, bad);
  const unsignedBits = bits - (keepNegative ? 1 : 0);
  if (unsignedBits <= 0) {
    // one signed bit: sign(x) with 0 → +1, times α
    if (!keepNegative) throw bad('bits must be at least 1');
    return fromQuantizer(spec, { ...grid(1, true, false, 0), scale: Float64Array.of(1) }, alpha, false);
  }
  return fromQuantizer(spec, grid(bits, keepNegative, symmetric && keepNegative, integer - unsignedBits), alpha, false);
}

/** binary: sign(x) with 0 → +1 (or (sign + 1)/2 with use_01), times α */
function binaryQ(spec: QuantizerSpec, a: Args, bad: (d: string) => Error): KerasQuantizer {
  const alpha = alphaOf(a.alpha, bad);
  if (!a.use_01) return fromQuantizer(spec, { ...grid(1, true, false, 0), scale: Float64Array.of(1) }, alpha, false);
  return {
    spec,
    fold: (x) => {
      const values = x.map((v) => (v >= 0 ? alpha : 0));
      return { values, type: typeHolding(values) };
    },
    activation: { reason: 'binary(use_01=1) on activations is not a fixed-point cast' },
  };
}

/** ternary: α · (|x| ≥ threshold ? sign(x) : 0), threshold 0.33 by default */
function ternaryQ(spec: QuantizerSpec, a: Args, bad: (d: string) => Error): KerasQuantizer {
  const alpha = alphaOf(a.alpha, bad);
  const t = a.threshold === undefined || a.threshold === null ? 0.33 : Number(a.threshold);
  if (typeof a.threshold === 'string' || !Number.isFinite(t)) throw bad(`threshold must be a number, not ${JSON.stringify(a.threshold)}`);
  const threshold = Math.fround(t);
  return {
    spec,
    fold: (x) => {
      const values = x.map((v) => (Math.abs(v) >= threshold ? Math.sign(v) * alpha : 0));
      return { values, type: typeHolding(values) };
    },
    activation: { reason: 'a ternary quantizer on activations (a threshold at ±0.33) is not a fixed-point cast; it needs the ternary tanh layer, not supported yet' },
  };
}

/** α: absent/None → 1; a positive power of two; 'auto'/'auto_po2' are computed from the data during training only. */
function alphaOf(v: unknown, bad: (d: string) => Error): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' && exponentOf(v) !== undefined) return v;
  throw bad(`alpha must be None, 1 or a power of two, not ${JSON.stringify(v)}${typeof v === 'string' ? ' (a data-dependent scale: export the model with alpha=1)' : ''}`);
}

/** The QONNX-style quantizer with scale 2^e, zero point 0 and round-half-even. */
function grid(bits: number, signed: boolean, narrow: boolean, e: number): Quantizer {
  return { bitWidth: bits, signed, narrow, scale: Float64Array.of(2 ** e), zeroPoint: Float64Array.of(0), rounding: 'ROUND' };
}

/** y = α · Q(x): folded onto weights; a cast on activations when α = 1. */
function fromQuantizer(spec: QuantizerSpec, q: Quantizer, alpha: number, relu: boolean): KerasQuantizer {
  const cast = exactCastType(q);
  const shift = Math.log2(alpha);
  const bipolar = q.bitWidth === 1 && q.signed;
  const base = 'type' in cast ? cast.type : bipolar ? fixedType(2, 2) : undefined;
  return {
    spec,
    fold: (x) => ({
      values: x.map((v) => alpha * quantValue(q, v)),
      type: base && fixedType(base.width, base.integer + shift, { signed: base.signed, quant: base.quant, overflow: base.overflow }),
    }),
    activation: alpha === 1 ? { relu, quantizer: q } : { reason: `alpha=${alpha} scales the rounded value, so on activations it is not a fixed-point cast` },
  };
}

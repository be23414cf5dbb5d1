import { fail } from '../../diagnostics/diagnostic.ts';
import { fixedType, type FixedType } from '../../fixed/fixed-type.ts';
import { exactCastType, exponentOf, intRange, isBipolar, quantValue, type Quantizer } from '../../ir/quantizer.ts';
import type { PrecisionVar } from '../../ir/layers.ts';
import { axisConstant } from './affine.ts';
import { onAxis } from './channel-axis.ts';
import type { OpContext } from './op-context.ts';
import type { ConstTensor } from './tensor.ts';
import { constValue, showShape, type Value } from './values.ts';

/** The QONNX custom-op domains (QONNX, its FINN-era name, and Brevitas exports). */
export const QONNX_DOMAINS: readonly string[] = ['qonnx.custom_op.general', 'finn.custom_op.general', 'onnx.brevitas'];

/** Types stated by the model for a layer's variables, or undefined when none is. */
export const statedTypes = (t: Partial<Record<PrecisionVar, FixedType>>): Partial<Record<PrecisionVar, FixedType>> | undefined =>
  Object.keys(t).length ? t : undefined;

/** A quantizer whose scale and zero point are still the node's constant inputs (any broadcastable shape). */
export type QuantizerInputs = { readonly scale: ConstTensor; readonly zeroPoint: ConstTensor } & Omit<Quantizer, 'scale' | 'zeroPoint'>;

/** A quantizer parameter given as input i: a constant, broadcast against the quantized tensor. */
export function paramInput(ctx: OpContext, i: number, role: string): ConstTensor {
  const t = ctx.constInput(i, role);
  if (t.data.some((v) => !Number.isFinite(v))) throw fail('bad-weights', ctx.where, `${role} must be finite, not ${showShape(Array.from(t.data))}`);
  return t;
}

/** A bit width input: one positive integer (a scalar, or a tensor whose elements are all the same). */
export function bitWidthInput(ctx: OpContext, i: number, role: string): number {
  const t = paramInput(ctx, i, role);
  const b = t.data[0];
  if (t.data.length === 0 || t.data.some((v) => v !== b) || !Number.isInteger(b) || b < 1 || b > 53) {
    throw fail('unsupported-attribute', ctx.where, `${role} must be one integer from 1 to 53, not ${showShape(Array.from(t.data))}`);
  }
  return b;
}

export function positiveScale(ctx: OpContext, t: ConstTensor, role: string): ConstTensor {
  if (t.data.some((v) => !(v > 0))) throw fail('unsupported-attribute', ctx.where, `${role} must be positive, not ${showShape(Array.from(t.data))}`);
  return t;
}

/**
 * Apply a quantizer to input 0: folded into a constant (recording the exact type of its values when the scales are
 * powers of two and the zero points integers), or a `quant` layer on an activation. Scale and zero point are one
 * value or one per position of a single axis; a quantizer per channel of a channels-first tensor (scale [1, C, 1, 1])
 * sits between transposes that make that axis last, as per-channel layers do.
 */
export function applyQuantizer(ctx: OpContext, x: Value, q: QuantizerInputs, suffix?: string): Value {
  if (x.kind === 'const') return constValue(foldQuantizer(ctx, x.tensor, q));
  const { scale, zeroPoint, ...rest } = q;
  const [s, z] = [axisConstant(ctx, x, scale, 'scale'), axisConstant(ctx, x, zeroPoint, 'zero point')];
  if (s.axis !== undefined && z.axis !== undefined && s.axis !== z.axis) {
    throw fail('shape-mismatch', ctx.where, `scale ${showShape(scale.dims)} and zero point ${showShape(zeroPoint.dims)} must vary along the same axis`);
  }
  return onAxis(ctx, x, s.axis ?? z.axis ?? x.shape.length - 1, (input) =>
    ctx.addLayer({ kind: 'quant', inputs: [input.layer], shape: input.shape, ...rest, scale: s.values, zeroPoint: z.values }, undefined, suffix),
  );
}

/** y = quantizer(x) elementwise on a constant, with numpy broadcasting of the per-element parameters. */
function foldQuantizer(ctx: OpContext, x: ConstTensor, q: QuantizerInputs): ConstTensor {
  const sAt = broadcaster(ctx, x.dims, q.scale.dims, 'scale');
  const zAt = broadcaster(ctx, x.dims, q.zeroPoint.dims, 'zero point');
  const data = new Float64Array(x.data.length);
  const scales = new Float64Array(x.data.length);
  const zeros = new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) {
    [scales[i], zeros[i]] = [q.scale.data[sAt(i)], q.zeroPoint.data[zAt(i)]];
    const one: Quantizer = { ...q, scale: scales.subarray(i, i + 1), zeroPoint: zeros.subarray(i, i + 1) };
    data[i] = quantValue(one, x.data[i]);
  }
  return { dims: x.dims, data, declared: declaredType({ ...q, scale: scales, zeroPoint: zeros }) };
}

/**
 * A type holding every value the quantizer can output exactly: its own cast type when it is one; else, for
 * power-of-two scales and integer zero points, the grid of the finest scale over the range of (n − z) · s.
 */
export function declaredType(q: Quantizer): FixedType | undefined {
  const cast = exactCastType(q);
  if ('type' in cast) return cast.type;
  const exps = Array.from(q.scale, exponentOf);
  if (exps.some((e) => e === undefined) || q.zeroPoint.some((z) => !Number.isInteger(z))) return undefined;
  const { min, max } = isBipolar(q) ? { min: -1, max: 1 } : intRange(q);
  const frac = -Math.min(...(exps as number[]));
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < q.scale.length; i++) {
    lo = Math.min(lo, (min - q.zeroPoint[i]) * q.scale[i] * 2 ** frac);
    hi = Math.max(hi, (max - q.zeroPoint[i]) * q.scale[i] * 2 ** frac);
  }
  return holding(lo, hi, frac);
}

/** The narrowest ap_[u]fixed with F fractional bits holding the mantissas lo..hi. */
function holding(lo: number, hi: number, frac: number): FixedType | undefined {
  const signed = lo < 0;
  let w = 1;
  while (w <= 53 && (signed ? lo < -(2 ** (w - 1)) || hi > 2 ** (w - 1) - 1 : hi > 2 ** w - 1)) w++;
  return w > 53 ? undefined : fixedType(w, w - frac, { signed });
}

/** Flat index into x → flat index into a parameter of dims p broadcast against x (numpy rules, p aligned right). */
function broadcaster(ctx: OpContext, x: readonly number[], p: readonly number[], role: string): (i: number) => number {
  const size = p.reduce((a, b) => a * b, 1);
  if (size === 1) return () => 0;
  const pad = x.length - p.length;
  if (pad < 0 || p.some((d, k) => d !== 1 && d !== x[pad + k])) {
    throw fail('shape-mismatch', ctx.where, `${role} ${showShape(p)} must broadcast to the quantized tensor ${showShape(x)}`);
  }
  return (i) => {
    let at = 0;
    let stride = 1;
    for (let k = x.length - 1; k >= pad; k--) {
      const coord = i % x[k];
      i = Math.floor(i / x[k]);
      const d = p[k - pad];
      if (d !== 1) at += coord * stride;
      stride *= d;
    }
    return at;
  };
}

import { fail } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import { onAxis } from './channel-axis.ts';
import type { OpContext } from './op-context.ts';
import type { ConstTensor } from './tensor.ts';
import { showShape, withBatch, type LayerValue } from './values.ts';

/** A constant operand broadcast against a layer output: one value, or one per position along a single axis. */
export interface AxisConstant {
  /** the IR axis (no batch) the values run along, or undefined for one value */
  readonly axis?: number;
  readonly values: Float64Array;
  readonly declared?: FixedType;
}

/**
 * The constant operand of an elementwise op with a layer output x ([batch, …x.shape] in ONNX): it must broadcast to
 * x without growing it, and vary along one axis at most (a per-channel constant, e.g. [C, 1, 1] on an NCHW tensor).
 */
export function axisConstant(ctx: OpContext, x: LayerValue, c: ConstTensor, role: string): AxisConstant {
  const full = [1, ...x.shape];
  const pad = full.length - c.dims.length;
  if (pad < 0 || c.dims.some((d, k) => d !== 1 && d !== full[pad + k])) {
    throw fail('shape-mismatch', ctx.where, `${role} ${showShape(c.dims)} must broadcast to the input ${withBatch(x)} without growing it`);
  }
  const varying = c.dims.flatMap((d, k) => (d !== 1 ? [pad + k - 1] : []));
  if (varying.length > 1) {
    throw fail('shape-mismatch', ctx.where, `${role} must be one value or vary along one axis (one value per channel), not ${showShape(c.dims)}`);
  }
  return { axis: varying[0], values: Float64Array.from(c.data), declared: c.declared };
}

/**
 * y = x · scale + bias elementwise, scale and bias functions of the constant's value: a batchnorm layer over the
 * constant's axis (the last axis for one value). `declaredBias` carries a QONNX-stated type of the bias through.
 */
export function affineLayer(
  ctx: OpContext,
  x: LayerValue,
  c: AxisConstant,
  scale: (v: number) => number,
  bias: (v: number) => number,
  declaredBias = false,
): LayerValue {
  const axis = c.axis ?? x.shape.length - 1;
  const declared = declaredBias && c.declared ? { bias: c.declared } : undefined;
  return onAxis(ctx, x, axis, (input) => {
    const n = input.shape[input.shape.length - 1];
    const at = (j: number) => (c.values.length === 1 ? c.values[0] : c.values[j]);
    const spec = { kind: 'batchnorm' as const, inputs: [input.layer], shape: input.shape, declared };
    return ctx.addLayer({ ...spec, scale: Float64Array.from({ length: n }, (_v, j) => scale(at(j))), bias: Float64Array.from({ length: n }, (_v, j) => bias(at(j))) });
  });
}

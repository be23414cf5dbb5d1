import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpContext } from '../op-context.ts';
import type { ConstTensor } from '../tensor.ts';

/**
 * Evaluates one ONNX op whose inputs are all constants (a shape computation, or arithmetic on weights) into a
 * constant. `xs[i]` is undefined for an optional input left out.
 */
export type Fold = (xs: readonly (ConstTensor | undefined)[], ctx: OpContext) => ConstTensor;

/** Input i, which the op requires. */
export function required(xs: readonly (ConstTensor | undefined)[], i: number, ctx: OpContext, role: string): ConstTensor {
  const x = xs[i];
  if (!x) throw fail('missing-initializer', ctx.where, `${role} (input ${i}) must be given`);
  return x;
}

/** An axis attribute or input value in −rank..rank−1, made non-negative. */
export function axisIn(ctx: OpContext, axis: number, rank: number, role = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) throw fail('unsupported-attribute', ctx.where, `${role} must be in ${-rank}..${rank - 1}, not ${axis}`);
  return axis < 0 ? axis + rank : axis;
}

export const sizeOfDims = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** A constant of the given dims and values; integer when the inputs it came from were integers. */
export const constant = (dims: readonly number[], data: ArrayLike<number>, integer = false): ConstTensor =>
  ({ dims: [...dims], data: Float64Array.from(data), ...(integer ? { integer } : {}) });

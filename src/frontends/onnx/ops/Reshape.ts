import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpContext, OpHandler } from '../op-context.ts';
import { constValue, showShape } from '../values.ts';

/** ONNX shape resolution: 0 copies the input dimension (unless allowzero), −1 takes what is left. */
function resolveShape(ctx: OpContext, input: readonly number[], target: readonly number[]): number[] {
  const allowZero = ctx.attrs.int('allowzero', 0) === 1;
  const dims = target.map((d, i) => (d === 0 && !allowZero ? input[i] : d));
  const size = input.reduce((a, b) => a * b, 1);
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const free = dims.filter((d) => d === -1).length;
  const resolved = dims.map((d) => (d === -1 ? size / known : d));
  const bad = free > 1 || resolved.some((d) => !Number.isInteger(d) || d < 0) || resolved.reduce((a, b) => a * b, 1) !== size;
  if (bad) throw fail('shape-mismatch', ctx.where, `shape ${showShape(target)} must hold the ${size} values of input ${showShape(input)}`);
  return resolved;
}

/**
 * A reshape never moves data in row-major order, so it is an identity layer with the new shape, provided the batch
 * stays the first dimension. A reshaped constant stays a constant.
 */
export const Reshape: OpHandler = (ctx) => {
  const target = Array.from(ctx.constInput(1, 'shape').data);
  const x = ctx.input(0);
  if (x?.kind === 'const') return constValue({ ...x.tensor, dims: resolveShape(ctx, x.tensor.dims, target) });
  const v = ctx.layerInput(0);
  const resolved = resolveShape(ctx, [1, ...v.shape], target);
  if (resolved[0] !== 1 || resolved.length < 2) {
    throw fail('unsupported-attribute', ctx.where, `shape must keep the batch dimension first, [-1 or 1, …], not ${showShape(target)}`);
  }
  return ctx.addLayer({ kind: 'identity', inputs: [v.layer], shape: resolved.slice(1) });
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpContext, OpHandler } from '../op-context.ts';
import { showShape } from '../values.ts';

/** A bound given as optional input i (opset ≥ 11): a constant scalar, or no bound when absent. */
function boundInput(ctx: OpContext, i: number, none: number): number {
  if (!ctx.input(i)) return none;
  const role = i === 1 ? 'min' : 'max';
  const t = ctx.constInput(i, role);
  if (t.data.length !== 1) throw fail('shape-mismatch', ctx.where, `${role} must be a scalar, not ${showShape(t.dims)}`);
  return t.data[0];
}

/** y = min(max(x, min), max); bounds are attributes before opset 11 and inputs since; clip(0, 6) is ReLU6 */
export const Clip: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const [min, max] = ctx.opset < 11
    ? [ctx.attrs.float('min', -Infinity), ctx.attrs.float('max', Infinity)]
    : [boundInput(ctx, 1, -Infinity), boundInput(ctx, 2, Infinity)];
  if (min > max) throw fail('unsupported-attribute', ctx.where, `min must be ≤ max, not min ${min} > max ${max}`);
  const op = min === 0 && max === 6 ? 'ReLU6' : 'Clip';
  return ctx.addLayer({ kind: 'clip', inputs: [x.layer], shape: x.shape, min, max }, op);
};

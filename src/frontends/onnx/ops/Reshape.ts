import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { resolveReshape } from '../reshape-dims.ts';
import { showShape } from '../values.ts';

/**
 * A reshape layer: the same row-major data under the new shape, provided the batch stays the first dimension. The
 * shape input is a constant, possibly computed by a folded shape subgraph (Shape → Gather → Concat …). A reshaped
 * constant is folded by the constant evaluator.
 */
export const Reshape: OpHandler = (ctx) => {
  const target = Array.from(ctx.constInput(1, 'shape').data);
  const v = ctx.layerInput(0);
  const resolved = resolveReshape(ctx.where, [1, ...v.shape], target, ctx.attrs.int('allowzero', 0) === 1);
  if (resolved[0] !== 1 || resolved.length < 2) {
    throw fail('unsupported-attribute', ctx.where, `shape must keep the batch dimension first, [-1 or 1, …], not ${showShape(target)}`);
  }
  return ctx.addLayer({ kind: 'reshape', inputs: [v.layer], shape: resolved.slice(1) });
};

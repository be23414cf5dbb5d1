import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { resolveReshape } from '../reshape-dims.ts';
import { showShape, withBatch } from '../values.ts';

/**
 * A reshape layer: the same row-major data under the new shape, provided the batch stays the first dimension (or,
 * for a time-major tensor of a recurrent op, stays where it is by a 0 in the shape, as PyTorch's `[0, 0, -1]`). The
 * shape input is a constant, possibly computed by a folded shape subgraph (Shape → Gather → Concat …). A reshaped
 * constant is folded by the constant evaluator.
 */
export const Reshape: OpHandler = (ctx) => {
  const target = Array.from(ctx.constInput(1, 'shape').data);
  const v = ctx.layerInputAnyBatch(0);
  const batch = v.batchAxis ?? 0;
  const allowZero = ctx.attrs.int('allowzero', 0) === 1;
  const dims = [...v.shape];
  dims.splice(batch, 0, 1);
  if (batch && (allowZero || target[batch] !== 0)) {
    throw fail('unsupported-attribute', ctx.where, `shape must keep the batch axis ${batch} of ${withBatch(v)} in place by a 0 at index ${batch}, not ${showShape(target)}`);
  }
  const resolved = resolveReshape(ctx.where, dims, target, allowZero);
  if (resolved[batch] !== 1 || resolved.length < 2) {
    throw fail('unsupported-attribute', ctx.where, `shape must keep the batch dimension first, [-1 or 1, …], not ${showShape(target)}`);
  }
  const y = ctx.addLayer({ kind: 'reshape', inputs: [v.layer], shape: resolved.filter((_d, k) => k !== batch) });
  return batch ? { ...y, batchAxis: batch } : y;
};

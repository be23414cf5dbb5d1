import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { withBatch } from '../values.ts';

/** [batch, d1, …, dk] → [batch, d1·…·dk] keeps the row-major data order: an identity layer with the flat shape */
export const Flatten: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const rank = x.shape.length + 1;
  const axis = ctx.attrs.int('axis', 1);
  if ((axis < 0 ? axis + rank : axis) !== 1) {
    throw fail('unsupported-attribute', ctx.where, `axis must be 1 (keep the batch dimension) for input ${withBatch(x)}, not ${axis}`);
  }
  const size = x.shape.reduce((a, b) => a * b, 1);
  return ctx.addLayer({ kind: 'identity', inputs: [x.layer], shape: [size] });
};

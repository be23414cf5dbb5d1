import { fail } from '../../../diagnostics/diagnostic.ts';
import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';
import { withBatch } from '../values.ts';

/**
 * softmax over the last axis. The default axis is −1 since opset 13 and 1 before (where the input is coerced to 2-D at
 * the axis, which is the last-axis softmax only when axis is the last one).
 */
export const Softmax: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const rank = x.shape.length + 1;
  const axis = ctx.attrs.int('axis', ctx.opset < 13 ? 1 : -1);
  if ((axis < 0 ? axis + rank : axis) !== rank - 1) {
    throw fail('unsupported-attribute', ctx.where, `axis must be the last axis (${rank - 1} or -1 for input ${withBatch(x)}), not ${axis}`);
  }
  return ctx.addLayer({ kind: 'softmax', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerHandler } from '../context.ts';

/** The model input; its shape without the batch dimension (`batch_input_shape` in Keras 2, `batch_shape` in Keras 3). */
export const InputLayer: LayerHandler = (ctx) => {
  const full = ctx.cfg.raw('batch_input_shape') ?? ctx.cfg.raw('batch_shape');
  const shape = Array.isArray(full) ? full.slice(1) : undefined;
  if (!shape || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw fail('shape-mismatch', ctx.where, `the input shape must be [batch, positive sizes…], not ${JSON.stringify(full)}`);
  }
  return ctx.add({ kind: 'input', inputs: [], shape: shape as number[] });
};

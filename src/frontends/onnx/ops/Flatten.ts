import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { withBatch } from '../values.ts';

/**
 * [batch, d1, …, dk] → [batch, d1·…·dk]: a reshape layer (row-major data order is kept). An axis past 1 keeps the
 * batch first only when the dimensions it folds into the batch are all 1. axis 0 ([1, batch·d1·…·dk], as
 * Keras-to-ONNX exporters write it) is the same for one sample, the batch hlsforge computes at a time.
 */
export const Flatten: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const rank = x.shape.length + 1;
  const raw = ctx.attrs.int('axis', 1);
  const axis = raw < 0 ? raw + rank : raw;
  if (axis < 0 || axis > rank || x.shape.slice(0, Math.max(axis - 1, 0)).some((d) => d !== 1)) {
    throw fail('unsupported-attribute', ctx.where, `axis must keep the batch dimension first (0 or 1, or an axis after dimensions of size 1) for input ${withBatch(x)}, not ${raw}`);
  }
  const size = x.shape.reduce((a, b) => a * b, 1);
  return ctx.addLayer({ kind: 'reshape', inputs: [x.layer], shape: [size] });
};

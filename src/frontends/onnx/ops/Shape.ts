import type { OpHandler } from '../op-context.ts';
import { constValue } from '../values.ts';

/** The shape of a layer output is known at compile time: a constant with 1 for the batch (first, or where a recurrent
 * op put it) and the layer's shape around it, sliced by start/end. */
export const Shape: OpHandler = (ctx) => {
  const x = ctx.layerInputAnyBatch(0);
  const dims = [...x.shape];
  dims.splice(x.batchAxis ?? 0, 0, 1);
  const clamp = (a: number) => Math.min(Math.max(a < 0 ? a + dims.length : a, 0), dims.length);
  const [start, end] = [clamp(ctx.attrs.int('start', 0)), clamp(ctx.attrs.int('end', dims.length))];
  const data = dims.slice(start, Math.max(start, end));
  return constValue({ dims: [data.length], data: Float64Array.from(data), integer: true });
};

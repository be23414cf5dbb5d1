import type { OpHandler } from '../op-context.ts';
import { constValue } from '../values.ts';

/** The shape of a layer output is known at compile time: a constant [1 (the batch), …shape], sliced by start/end. */
export const Shape: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const dims = [1, ...x.shape];
  const clamp = (a: number) => Math.min(Math.max(a < 0 ? a + dims.length : a, 0), dims.length);
  const [start, end] = [clamp(ctx.attrs.int('start', 0)), clamp(ctx.attrs.int('end', dims.length))];
  const data = dims.slice(start, Math.max(start, end));
  return constValue({ dims: [data.length], data: Float64Array.from(data), integer: true });
};

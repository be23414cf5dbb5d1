import { affineLayer } from '../affine.ts';
import type { OpHandler } from '../op-context.ts';

/** y = −x: a batchnorm with scale −1 and bias 0 (exact: ap_fixed negation of a value in range). */
export const Neg: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return affineLayer(ctx, x, { values: Float64Array.of(-1) }, (v) => v, () => 0);
};

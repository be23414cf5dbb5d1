import type { OpHandler } from '../op-context.ts';

/** y = x > alpha ? x : 0; alpha defaults to 1.0 */
export const ThresholdedRelu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const theta = ctx.attrs.float('alpha', 1);
  return ctx.addLayer({ kind: 'thresholded_relu', inputs: [x.layer], shape: x.shape, theta });
};

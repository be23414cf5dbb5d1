import type { OpHandler } from '../op-context.ts';

/** y = max(x, 0), elementwise */
export const Relu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'relu', inputs: [x.layer], shape: x.shape });
};

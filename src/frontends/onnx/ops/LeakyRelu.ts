import type { OpHandler } from '../op-context.ts';

/** y = x > 0 ? x : alpha · x; alpha is a float attribute, default 0.01 (as float32, like an explicit attribute) */
export const LeakyRelu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const alpha = ctx.attrs.float('alpha', Math.fround(0.01));
  return ctx.addLayer({ kind: 'leaky_relu', inputs: [x.layer], shape: x.shape, alpha });
};

import type { OpHandler } from '../op-context.ts';

/** y = max(0, min(1, alpha · x + beta)); alpha 0.2 and beta 0.5 by default (as float32) */
export const HardSigmoid: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const alpha = ctx.attrs.float('alpha', Math.fround(0.2));
  const beta = ctx.attrs.float('beta', Math.fround(0.5));
  return ctx.addLayer({ kind: 'hard_sigmoid', inputs: [x.layer], shape: x.shape, alpha, beta });
};

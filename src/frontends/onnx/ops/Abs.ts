import type { OpHandler } from '../op-context.ts';

/** y = |x|, elementwise (an abs layer); |c| of a constant is folded */
export const Abs: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'abs', inputs: [x.layer], shape: x.shape });
};

import type { OpHandler } from '../op-context.ts';

/** y = x: an identity layer (removed later by the `remove-identity` pass); a constant passes through as a constant */
export const Identity: OpHandler = (ctx) => {
  const x = ctx.input(0);
  if (x?.kind === 'const') return x;
  const v = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'identity', inputs: [v.layer], shape: v.shape });
};

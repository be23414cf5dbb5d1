import { fail } from '../../../diagnostics/diagnostic.ts';
import { intsAttrOrInput } from '../fold/shape-ops.ts';
import type { OpHandler } from '../op-context.ts';
import { squeezeDims } from '../reshape-dims.ts';

/** Axes of size 1 removed from a layer output: a reshape layer. The batch axis is kept (it is not squeezed even when
 * axes are left out). */
export const Squeeze: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const axes = intsAttrOrInput(ctx, [undefined, ctx.input(1) ? ctx.constInput(1, 'axes') : undefined], 'axes', 1, 13);
  const rank = x.shape.length + 1;
  if (axes?.some((a) => a === 0 || a === -rank)) throw fail('unsupported-attribute', ctx.where, `axes must not include the batch axis 0, not [${axes}]`);
  const dims = squeezeDims(ctx.where, x.shape, axes?.map((a) => (a < 0 ? a + rank : a) - 1));
  return ctx.addLayer({ kind: 'reshape', inputs: [x.layer], shape: dims.length ? dims : [1] });
};

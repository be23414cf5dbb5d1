import { fail } from '../../../diagnostics/diagnostic.ts';
import { intsAttrOrInput } from '../fold/shape-ops.ts';
import type { OpHandler } from '../op-context.ts';
import { unsqueezeDims } from '../reshape-dims.ts';

/** Axes of size 1 inserted into a layer output: a reshape layer (the batch must stay axis 0). */
export const Unsqueeze: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const axes = intsAttrOrInput(ctx, [undefined, ctx.input(1) ? ctx.constInput(1, 'axes') : undefined], 'axes', 1, 13);
  if (!axes) throw fail('unsupported-attribute', ctx.where, 'axes must be given');
  const rank = x.shape.length + 1 + axes.length;
  if (axes.some((a) => (a < 0 ? a + rank : a) === 0)) throw fail('unsupported-attribute', ctx.where, `axes must not insert an axis before the batch, not [${axes}]`);
  const dims = unsqueezeDims(ctx.where, [1, ...x.shape], axes);
  return ctx.addLayer({ kind: 'reshape', inputs: [x.layer], shape: dims.slice(1) });
};

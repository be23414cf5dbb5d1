import { fail } from '../../../diagnostics/diagnostic.ts';
import { intsAttrOrInput } from '../fold/shape-ops.ts';
import type { OpHandler } from '../op-context.ts';
import { squeezeDims } from '../reshape-dims.ts';

/** Axes of size 1 removed from a layer output: a reshape layer. The batch axis (first, or where a recurrent op put it)
 * is kept, even when axes are left out. */
export const Squeeze: OpHandler = (ctx) => {
  const x = ctx.layerInputAnyBatch(0);
  const axes = intsAttrOrInput(ctx, [undefined, ctx.input(1) ? ctx.constInput(1, 'axes') : undefined], 'axes', 1, 13);
  const rank = x.shape.length + 1;
  const batch = x.batchAxis ?? 0;
  const onnxAxes = axes?.map((a) => (a < 0 ? a + rank : a));
  if (onnxAxes?.some((a) => a === batch)) throw fail('unsupported-attribute', ctx.where, `axes must not include the batch axis ${batch}, not [${axes}]`);
  const dims = squeezeDims(ctx.where, x.shape, onnxAxes?.map((a) => (a > batch ? a - 1 : a)));
  // the batch axis moves forward by the squeezed axes before it (axes left out: every axis of size 1)
  const before = onnxAxes ? onnxAxes.filter((a) => a < batch).length : x.shape.slice(0, batch).filter((d) => d === 1).length;
  const y = ctx.addLayer({ kind: 'reshape', inputs: [x.layer], shape: dims.length ? dims : [1] });
  return batch - before ? { ...y, batchAxis: batch - before } : y;
};

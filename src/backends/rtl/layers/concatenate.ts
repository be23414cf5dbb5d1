import { sizeOf } from '../../../ir/graph.ts';
import type { ConcatenateLayer } from '../../../ir/layers.ts';
import { concatIndex, concatInputShapes } from '../../../ir/tensor.ts';
import { castFx } from '../netlist/cast.ts';
import { combLayerN } from './comb-layer.ts';
import type { RtlLayer } from './types.ts';

/**
 * concatenate: output element j is Q_result(input which[j], element at[j]) (ir/tensor.ts concatIndex): wires that
 * gather the elements in row-major order of the output, and one cast per element from its own input's type.
 */
export const concatenate: RtlLayer<'concatenate'> = (layer, ctx) => {
  const res = layer.precision.result;
  const sizes = ctx.inputs.map((t) => sizeOf(t.shape));
  const { which, at } = concatIndex(concatInputShapes(layer.shape, layer.axis, sizes), layer.axis);
  return combLayerN(
    layer,
    ctx,
    { type: res, size: which.length },
    (b, xss) => Array.from(which, (k, j) => castFx(b, xss[k][at[j]], res, `y${j}`).sig),
    [`concatenate ${ctx.inputs.length} inputs [${ctx.inputs.map((t) => t.shape.join('x')).join('], [')}] along axis ${layer.axis} into [${layer.shape.join('x')}], each cast to the result type`],
  );
};

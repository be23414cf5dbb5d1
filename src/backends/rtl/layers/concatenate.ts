import { sizeOf } from '../../../ir/graph.ts';
import type { ConcatenateLayer } from '../../../ir/layers.ts';
import { concatIndex } from '../../../ir/tensor.ts';
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
  const { which, at } = concatIndex(blockShapes(layer, sizes), layer.axis);
  return combLayerN(
    layer,
    ctx,
    { type: res, size: which.length },
    (b, xss) => Array.from(which, (k, j) => castFx(b, xss[k][at[j]], res, `y${j}`).sig),
    [`concatenate ${ctx.inputs.length} inputs [${ctx.inputs.map((t) => t.shape.join('x')).join('], [')}] along axis ${layer.axis} into [${layer.shape.join('x')}], each cast to the result type`],
  );
};

/** Each input's shape: the output shape with the concatenated axis replaced by the input's extent along it. */
function blockShapes(layer: ConcatenateLayer, sizes: readonly number[]): number[][] {
  const outer = sizeOf(layer.shape.slice(0, layer.axis));
  const inner = sizeOf(layer.shape.slice(layer.axis + 1));
  return sizes.map((n) => [...layer.shape.slice(0, layer.axis), n / (outer * inner), ...layer.shape.slice(layer.axis + 1)]);
}

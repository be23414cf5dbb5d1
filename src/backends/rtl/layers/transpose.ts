import { signalPrefix } from '../names.ts';
import { sizeOf } from '../../../ir/graph.ts';
import { transposeIndex } from '../../../ir/tensor.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { layerComment, toModule } from './comb-layer.ts';
import { pack, packedWidth, rawElement } from './ports.ts';
import type { RtlLayer } from './types.ts';

/**
 * transpose: wires, y[j] = x[index[j]] over row-major positions (ir/tensor.ts transposeIndex; output axis a is input
 * axis perm[a]). The type passes through; no clock, latency 0.
 */
export const transpose: RtlLayer<'transpose'> = (layer, ctx) => {
  const t = ctx.inType;
  const index = transposeIndex(ctx.inputs[0].shape, layer.perm);
  const b = new ModuleBuilder(signalPrefix(layer.name));
  const x = b.port('input', 'x', packedWidth(ctx.inSize, t));
  const y = b.port('output', 'y', packedWidth(index.length, t));
  pack(b, y, Array.from(index, (i) => rawElement(b, x, i, t)), t);
  const comment = [...layerComment(layer, ctx), `transpose [${ctx.inputs[0].shape.join('x')}] by perm [${layer.perm.join(', ')}] into [${layer.shape.join('x')}]: wires, latency 0`];
  return { module: toModule(b, ctx.moduleName, comment), latency: 0, ii: 1, outType: t, outSize: sizeOf(layer.shape), sequential: false };
};

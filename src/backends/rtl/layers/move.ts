import { signalPrefix } from '../names.ts';
import { sizeOf } from '../../../ir/graph.ts';
import { spatialSource, type SpatialMoveLayer } from '../../../ir/spatial-move.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { layerComment, toModule } from './comb-layer.ts';
import { pack, packedWidth, rawElement } from './ports.ts';
import type { LayerContext, LayerHardware, RtlLayer } from './types.ts';

/**
 * pad, crop and nearest upsample (docs/arithmetic.md: they move data only): a module of wires over the channels-last
 * tensor, y[j] = x[index[j]] with the one gather of src/ir/spatial-move.ts, or the constant 0 (exact in every type) where
 * index[j] = −1 (padding). The type passes through; no clock, latency 0.
 */
export const pad: RtlLayer<'pad'> = (layer, ctx) => wires(layer, ctx, `pad [${layer.padBegin.join(', ')}] / [${layer.padEnd.join(', ')}] with zeros`);

export const crop: RtlLayer<'crop'> = (layer, ctx) => wires(layer, ctx, `crop [${layer.cropBegin.join(', ')}] / [${layer.cropEnd.join(', ')}]`);

export const upsample: RtlLayer<'upsample'> = (layer, ctx) => wires(layer, ctx, `nearest upsample by ${layer.factors.join('x')}`);

function wires(layer: SpatialMoveLayer, ctx: LayerContext, what: string): LayerHardware {
  const t = ctx.inType;
  const inShape = ctx.inputs[0].shape;
  const index = spatialSource(layer, inShape);
  const b = new ModuleBuilder(signalPrefix(layer.name));
  const x = b.port('input', 'x', packedWidth(ctx.inSize, t));
  const outSize = sizeOf(layer.shape);
  const y = b.port('output', 'y', packedWidth(outSize, t));
  const zero = b.constant(0n, t.width, false);
  pack(b, y, Array.from(index, (i) => (i < 0 ? zero : rawElement(b, x, i, t))), t);
  const comment = [...layerComment(layer, ctx), `${what}: [${inShape.join('x')}] -> [${layer.shape.join('x')}], wires, latency 0`];
  return { module: toModule(b, ctx.moduleName, comment), latency: 0, ii: 1, outType: t, outSize, sequential: false };
}

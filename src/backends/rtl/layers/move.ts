import { sizeOf } from '../../../ir/graph.ts';
import type { Layer, LayerOf } from '../../../ir/layers.ts';
import { strides as rowMajorStrides } from '../../../ir/tensor.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { layerComment, toModule } from './comb-layer.ts';
import { pack, packedWidth, rawElement } from './ports.ts';
import type { LayerContext, LayerHardware, RtlLayer } from './types.ts';

/**
 * pad, crop and nearest upsample (docs/arithmetic.md: they move data only): a module of wires over the channels-last
 * tensor, y[o, c] = x[source(o), c] per spatial axis, or the constant 0 (exact in every type) where the source lies
 * in the padding. The type passes through; no clock, latency 0.
 */
export const pad: RtlLayer<'pad'> = (layer, ctx) =>
  wires(layer, ctx, (o, a, s) => (o < layer.padBegin[a] || o >= layer.padBegin[a] + s ? -1 : o - layer.padBegin[a]), `pad [${layer.padBegin.join(', ')}] / [${layer.padEnd.join(', ')}] with zeros`);

export const crop: RtlLayer<'crop'> = (layer, ctx) => wires(layer, ctx, (o, a) => o + layer.cropBegin[a], `crop [${layer.cropBegin.join(', ')}] / [${layer.cropEnd.join(', ')}]`);

export const upsample: RtlLayer<'upsample'> = (layer, ctx) => wires(layer, ctx, (o, a) => Math.floor(o / layer.factors[a]), `nearest upsample by ${layer.factors.join('x')}`);

/** `source(o, axis, inExtent)`: the input coordinate output coordinate o reads along a spatial axis, −1 for a zero. */
function wires(layer: LayerOf<'pad' | 'crop' | 'upsample'> & Layer, ctx: LayerContext, source: (o: number, axis: number, size: number) => number, what: string): LayerHardware {
  const t = ctx.inType;
  const inShape = ctx.inputs[0].shape;
  const r = inShape.length - 1;
  const channels = inShape[r];
  const inStride = rowMajorStrides(inShape.slice(0, r));
  const outSpatial = layer.shape.slice(0, r);
  const b = new ModuleBuilder();
  const x = b.port('input', 'x', packedWidth(ctx.inSize, t));
  const outSize = sizeOf(layer.shape);
  const y = b.port('output', 'y', packedWidth(outSize, t));
  const zero = b.constant(0n, t.width, false);
  const ys = [];
  const o = new Array<number>(r).fill(0);
  for (let p = 0; p < outSize / channels; p++) {
    let q = 0;
    for (let a = 0; a < r && q >= 0; a++) {
      const i = source(o[a], a, inShape[a]);
      q = i < 0 || i >= inShape[a] ? -1 : q + i * inStride[a];
    }
    for (let c = 0; c < channels; c++) ys.push(q < 0 ? zero : rawElement(b, x, q * channels + c, t));
    for (let a = r - 1; a >= 0 && ++o[a] === outSpatial[a]; a--) o[a] = 0;
  }
  pack(b, y, ys, t);
  const comment = [...layerComment(layer, ctx), `${what}: [${inShape.join('x')}] -> [${layer.shape.join('x')}], wires, latency 0`];
  return { module: toModule(b, ctx.moduleName, comment), latency: 0, ii: 1, outType: t, outSize, sequential: false };
}

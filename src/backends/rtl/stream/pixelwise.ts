import { fail } from '../../../diagnostics/diagnostic.ts';
import { sizeOf } from '../../../ir/graph.ts';
import type { Layer, LayerKind, LayerOf } from '../../../ir/layers.ts';
import { tensor } from '../../../ir/tensor.ts';
import { RTL_LAYERS } from '../layers/index.ts';
import type { LayerHardware, RtlLayer } from '../layers/types.ts';
import { verilogComment } from '../names.ts';
import { pipeStage } from './pipe-stage.ts';
import { opOf, pipeTimes, streamShape, type StreamContext, type StreamLayer, type StreamStage } from './types.ts';

const datapath = <K extends LayerKind>(layer: LayerOf<K>, ctx: Parameters<RtlLayer<K>>[1]): LayerHardware | undefined =>
  (RTL_LAYERS[layer.kind as K] as RtlLayer<K>)(layer, ctx);

/**
 * The io_parallel datapath of the layer applied to each transfer: per pixel for layers that act on the channel axis
 * alone (elementwise, batchnorm, dense, softmax, merges, concatenation of channels), or to the whole tensor when every
 * input and the output are one transfer. `perPixel` is the layer restricted to one pixel (its shape [C]).
 */
export function transferStage(layer: Layer, ctx: StreamContext, perPixel: (l: Layer) => Layer): StreamStage[] | undefined {
  const out = streamShape(layer.shape);
  const ins = ctx.inputs.map((t) => streamShape(t.shape));
  const one = out.transfers === 1 && ins.every((s) => s.transfers === 1);
  const l = one ? layer : perPixel(layer);
  if (ins.some((s) => s.transfers !== out.transfers))
    throw fail('unsupported-op', { layer: layer.name, op: opOf(layer) }, `in io_stream, every input must have the ${out.transfers} pixel(s) of the output, not ${ins.map((s) => s.transfers).join(' and ')}`);
  const inputs = one ? ctx.inputs : ctx.inputs.map((t, k) => tensor([ins[k].elements], t.type));
  const hw = datapath(l, { moduleName: ctx.moduleName, inputs, inType: inputs[0].type, inSize: sizeOf(inputs[0].shape), stageNs: ctx.stageNs });
  if (!hw) return undefined;
  const n = out.transfers;
  const comment = [
    `layer '${verilogComment(layer.name)}' (${layer.kind}): module ${ctx.moduleName}, io_stream`,
    ...hw.module.comment.slice(1),
    `stream: ${n} transfer(s) of ${hw.outSize} x ${hw.outType.width} bits; ${n > 1 ? 'the datapath runs once per pixel; ' : ''}valid/ready on every port`,
  ];
  const module = pipeStage(ctx.moduleName, comment.map(verilogComment), hw, inputs.map((t) => sizeOf(t.shape) * t.type.width));
  return [
    {
      module,
      role: 'datapath',
      latency: hw.latency,
      ii: hw.ii,
      worstStageNs: hw.worstStageNs,
      outType: hw.outType,
      outShape: layer.shape,
      timing: (a) => pipeTimes(a, hw.latency, hw.ii),
    },
  ];
}

/** Per pixel: the layer with the shape of one pixel (its channel axis). */
export const pixelwise = (layer: Layer, ctx: StreamContext): StreamStage[] | undefined => transferStage(layer, ctx, (l) => ({ ...l, shape: [l.shape[l.shape.length - 1]] }));

/** Only on tensors that are one transfer (1-D): the whole tensor at once. */
export const wholeTensor = (layer: Layer, ctx: StreamContext): StreamStage[] | undefined =>
  transferStage(layer, ctx, (l) => {
    throw fail('unsupported-op', { layer: l.name, op: opOf(l) }, `in io_stream, a ${l.kind} layer's input and output must be 1-D tensors (one transfer), not [${l.shape.join(', ')}]`);
  });

/** concatenate: of channels per pixel; along another axis only of 1-D tensors. */
export const concatenateStream: StreamLayer<'concatenate'> = (layer, ctx) =>
  layer.axis === layer.shape.length - 1 ? transferStage(layer, ctx, (l) => ({ ...l, shape: [l.shape[l.shape.length - 1]], axis: 0 }) as Layer) : wholeTensor(layer, ctx);

import type { Layer, LayerOf, Window } from '../../../ir/layers.ts';
import { windowTaps } from '../../../ir/window.ts';
import { tensor, type Tensor } from '../../../ir/tensor.ts';
import { dense } from '../layers/dense.ts';
import type { LayerHardware } from '../layers/types.ts';
import { verilogComment } from '../names.ts';
import { pipeStage } from './pipe-stage.ts';
import { poolDatapath } from './pool-datapath.ts';
import { pipeTimes, streamShape, type StreamContext, type StreamLayer, type StreamStage } from './types.ts';
import { streamWindow, type StreamWindow } from './window-geometry.ts';
import { windowGenerator } from './window-stage.ts';

/**
 * Planned cycles of the window generator: position q of the padded image is pushed at max(previous + 1, the input
 * pixel's arrival when q is inside), and after a window is offered the walker waits until the consumer (II `ii`)
 * takes it. Returns the cycle each window is offered.
 */
export function windowTimes(g: StreamWindow, input: readonly number[], ii: number, emit = (r: number, c: number) => g.emitRow[r] && g.emitCol[c]): number[] {
  const out: number[] = [];
  let [prev, taken, i] = [-Infinity, -Infinity, 0];
  for (let r = 0; r < g.padded[0]; r++)
    for (let c = 0; c < g.padded[1]; c++) {
      const t = Math.max(prev + 1, taken, g.rowInside[r] && g.colInside[c] ? input[i++] : -Infinity);
      prev = t;
      if (emit(r, c)) {
        out.push(t + 1);
        taken = Math.max(t + 1, taken + ii);
      }
    }
  return out;
}

const spatialOf = (t: Tensor) => t.shape.slice(0, -1);

/** The window generator stage of a layer over input x, feeding a consumer of II `ii`. */
function windowStage(layer: Layer, ctx: StreamContext, w: Window, ii: number, flags: boolean, name: string, what: string): { stage: StreamStage; g: StreamWindow } {
  const x = ctx.inputs[0];
  const g = streamWindow(spatialOf(x), w);
  const c = streamShape(x.shape).elements;
  const comment = [
    `layer '${layer.name}' (${layer.kind}): module ${name}, io_stream ${what}`,
    `walks the ${g.padded[0]} x ${g.padded[1]} padded image; window of ${g.taps} taps at offsets [${g.offsets.join(', ')}] pushes behind the newest`,
  ];
  const module = windowGenerator(name, comment.map(verilogComment), g, c * x.type.width, flags);
  const stage: StreamStage = {
    module, role: 'window', latency: 1, ii: 1, outType: x.type, outShape: [...g.outSpatial, g.taps * c],
    timing: (a) => windowTimes(g, a, ii),
  };
  return { stage, g };
}

/** The per-window datapath as a stream stage. */
function datapathStage(layer: Layer, ctx: StreamContext, hw: LayerHardware, inBits: number): StreamStage {
  const comment = [`layer '${layer.name}' (${layer.kind}): module ${ctx.moduleName}, io_stream per-window datapath`, ...hw.module.comment.slice(1)];
  return {
    module: pipeStage(ctx.moduleName, comment.map(verilogComment), hw, [inBits]),
    role: 'datapath', latency: hw.latency, ii: hw.ii, worstStageNs: hw.worstStageNs, outType: hw.outType, outShape: layer.shape,
    timing: (a) => pipeTimes(a, hw.latency, hw.ii),
  };
}

/** conv / depthwise: the window, then the io_parallel dense datapath over the im2col vector (i = t·C + c). */
function convLike(layer: LayerOf<'conv'> | LayerOf<'depthwise_conv'>, ctx: StreamContext, weights: Float64Array, nOut: number): StreamStage[] {
  const x = ctx.inputs[0];
  const c = streamShape(x.shape).elements;
  const taps = windowTaps(layer);
  const im2col = tensor([taps * c], x.type);
  const asDense: LayerOf<'dense'> = { ...layer, kind: 'dense', nIn: taps * c, nOut, weights, bias: layer.bias, shape: [nOut] } as unknown as LayerOf<'dense'>;
  const hw = dense(asDense, { moduleName: ctx.moduleName, inputs: [im2col], inType: x.type, inSize: taps * c, stageNs: ctx.stageNs })!;
  const w = windowStage(layer, ctx, layer, hw.ii, false, ctx.name('window'), 'window generator');
  return [w.stage, datapathStage(layer, ctx, hw, taps * c * x.type.width)];
}

export const convStream: StreamLayer<'conv'> = (layer, ctx) => convLike(layer, ctx, layer.weights, layer.nOut);

/** depthwise as a dense over the im2col vector whose weight (t·C + c, c·m + k) is W[t][c][k] and 0 across channels. */
export const depthwiseStream: StreamLayer<'depthwise_conv'> = (layer, ctx) => {
  const [taps, ch, m] = [windowTaps(layer), layer.channels, layer.multiplier];
  const nOut = ch * m;
  const weights = new Float64Array(taps * ch * nOut);
  for (let t = 0; t < taps; t++) for (let c = 0; c < ch; c++) for (let k = 0; k < m; k++) weights[(t * ch + c) * nOut + c * m + k] = layer.weights[(t * ch + c) * m + k];
  return convLike(layer, ctx, weights, nOut);
};

export const poolStream: StreamLayer<'pool'> = (layer, ctx) => {
  const x = ctx.inputs[0];
  const c = streamShape(x.shape).elements;
  const taps = windowTaps(layer);
  const hw = poolDatapath(layer, ctx.moduleName, taps, c, x.type, ctx.stageNs);
  const w = windowStage(layer, ctx, layer, 1, true, ctx.name('window'), 'window generator');
  return [w.stage, datapathStage(layer, ctx, hw, taps * c * x.type.width + taps)];
};

const unit = (r: number): Window => ({ kernel: new Array(r).fill(1), strides: new Array(r).fill(1), dilations: new Array(r).fill(1), padBegin: new Array(r).fill(0), padEnd: new Array(r).fill(0) });

/** pad: a one-tap window over the padded image: every padded position is offered (zeros in the padding). */
export const padStream: StreamLayer<'pad'> = (layer, ctx) => {
  const r = layer.padBegin.length;
  return [windowStage(layer, ctx, { ...unit(r), padBegin: layer.padBegin, padEnd: layer.padEnd }, 1, false, ctx.moduleName, 'zero padding').stage];
};

/** crop: a one-tap window that offers only the positions inside the crop (the others are taken and dropped). */
export const cropStream: StreamLayer<'crop'> = (layer, ctx) => {
  const x = ctx.inputs[0];
  const sp = spatialOf(x);
  const two = sp.length === 2 ? { b: layer.cropBegin, e: layer.cropEnd, s: sp } : { b: [0, layer.cropBegin[0]], e: [0, layer.cropEnd[0]], s: [1, sp[0]] };
  const { stage, g } = windowStage(layer, ctx, unit(sp.length), 1, false, ctx.moduleName, 'cropping');
  const keep = (n: number, a: number) => Array.from({ length: n }, (_, i) => i >= two.b[a] && i < two.s[a] - two.e[a]);
  const cropped = { ...g, emitRow: keep(g.padded[0], 0), emitCol: keep(g.padded[1], 1) };
  const comment = [`layer '${layer.name}' (crop): module ${ctx.moduleName}, io_stream cropping: offers rows [${two.b[0]}, ${two.s[0] - two.e[0]}) and columns [${two.b[1]}, ${two.s[1] - two.e[1]})`];
  const module = windowGenerator(ctx.moduleName, comment.map(verilogComment), cropped, streamShape(x.shape).elements * x.type.width, false);
  return [{ ...stage, module, outShape: layer.shape, timing: (a) => windowTimes(cropped, a, 1) }];
};

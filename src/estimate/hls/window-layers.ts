import { accumulatedType, quantizeDouble, type FixedType } from '../../fixed/index.ts';
import type { LayerOf, Window } from '../../ir/layers.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../ir/window.ts';
import { csdDigits, dspSlices } from '../multiplier.ts';
import type { LayerEstimate } from '../types.ts';
import { HLS_DSP_MIN_PRODUCT } from './constants.ts';

/**
 * The HLS model of the io_parallel convolution family (docs/estimation.md, "HLS model"): a convolution is its dense
 * over the im2col vector repeated at every output position, so the dense rules apply per product:
 * - every product of every position is unrolled; a padding tap generates none; a zero weight none;
 * - RF 1: a constant multiplier per product (power of two free, narrow ones shifts and adds by canonical signed
 *   digits, wide ones DSP48E2 slices); RF > 1: ⌈products / RF⌉ general multipliers shared over RF cycles;
 * - one accumulator add per product (per shared multiplier plus one per output with RF > 1);
 * - latency as a dense of taps · channels inputs (RF + 3 with RF > 1); the II is ir/timing.ts's (RF).
 * Pooling: (taps − 1) comparators or adders per output element, an adder tree, the average's constant 1/n multiply.
 */
type Figures = Omit<LayerEstimate, 'name' | 'kind' | 'ii'>;
export type WindowContext = { inType: FixedType; inSize: number; inShape: readonly number[] };

/** How many output positions read each tap (padding taps read nothing and cost nothing). */
function tapUse(w: Window, inShape: readonly number[]): Int32Array {
  const taps = windowTaps(w);
  const index = windowIndex(inShape.slice(0, -1), w);
  const use = new Int32Array(taps);
  for (let i = 0; i < index.length; i++) if (index[i] >= 0) use[i % taps]++;
  return use;
}

/** The products of one weighted window layer: weights laid out [taps][perTap]. */
function products(layer: LayerOf<'conv' | 'depthwise_conv'>, ctx: WindowContext, outputs: number, termsPerOutput: number): Figures {
  const w = layer.precision.weight ?? layer.precision.result;
  const accum = layer.precision.accum ?? layer.precision.result;
  const rf = Math.max(1, layer.reuseFactor);
  const wx = ctx.inType.width;
  const use = tapUse(layer, ctx.inShape);
  const perTap = layer.weights.length / use.length;
  const mult = { dsp: 0, lut: 0, free: 0 };
  let [lut, dsp, terms] = [0, 0, 0];
  for (let i = 0; i < layer.weights.length; i++) {
    const n = use[Math.floor(i / perTap)];
    const m = quantizeDouble(layer.weights[i], w);
    if (m === 0 || n === 0) continue;
    terms += n;
    if (rf > 1) continue;
    const digits = csdDigits(m);
    if (digits === 1) mult.free += n;
    else if (wx + w.width >= HLS_DSP_MIN_PRODUCT) [dsp, mult.dsp] = [dsp + n * dspSlices(wx, w.width), mult.dsp + n];
    else [lut, mult.lut] = [lut + n * (digits - 1) * (wx + w.width), mult.lut + n];
  }
  if (rf > 1) {
    const shared = Math.ceil(terms / rf);
    if (wx + w.width >= HLS_DSP_MIN_PRODUCT) [dsp, mult.dsp] = [shared * dspSlices(wx, w.width), shared];
    else [lut, mult.lut] = [shared * wx * w.width * 0.6, shared];
  }
  const adders = rf > 1 ? Math.ceil(terms / rf) + outputs : terms;
  lut += adders * accum.width;
  const depth = Math.ceil(Math.log2(Math.max(2, termsPerOutput + 1)) / 2);
  const latency = rf > 1 ? rf + 3 : Math.max(2, 3 + depth);
  const ff = rf > 1 ? ctx.inSize * wx + outputs * accum.width * 2 : (terms * (wx + w.width)) / 2 + outputs * accum.width * depth;
  return { lut: Math.round(lut), ff: Math.round(ff), dsp, carry: Math.ceil((adders * accum.width) / 8), bram: 0, multipliers: mult, latencyCycles: latency };
}

const positionsOf = (w: Window, inShape: readonly number[]): number => windowOutputSpatial(inShape.slice(0, -1), w).reduce((a, b) => a * b, 1);

export const convRule = (layer: LayerOf<'conv'>, ctx: WindowContext): Figures =>
  products(layer, ctx, positionsOf(layer, ctx.inShape) * layer.nOut, windowTaps(layer) * layer.nIn);

export const depthwiseRule = (layer: LayerOf<'depthwise_conv'>, ctx: WindowContext): Figures =>
  products(layer, ctx, positionsOf(layer, ctx.inShape) * layer.channels * layer.multiplier, windowTaps(layer));

export const poolRule = (layer: LayerOf<'pool'>, ctx: WindowContext): Figures => {
  const taps = windowTaps(layer);
  const outputs = positionsOf(layer, ctx.inShape) * ctx.inShape[ctx.inShape.length - 1];
  const width = layer.op === 'max' ? ctx.inType.width : accumulatedType(ctx.inType, taps).width;
  const ops = outputs * (taps - 1);
  const depth = Math.ceil(Math.log2(Math.max(2, taps)) / 2);
  const scale = layer.op === 'average' ? outputs * width : 0; // the constant 1/n multiply, shifts and adds
  return {
    lut: ops * width + scale,
    ff: outputs * (width + layer.precision.result.width),
    dsp: 0,
    carry: Math.ceil((ops * width) / 8),
    bram: 0,
    multipliers: { dsp: 0, lut: layer.op === 'average' ? outputs : 0, free: 0 },
    latencyCycles: 1 + depth + (layer.op === 'average' ? 1 : 0),
  };
};

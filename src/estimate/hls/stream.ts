import { sizeOf } from '../../ir/graph.ts';
import type { Layer } from '../../ir/layers.ts';
import type { LayerEstimate } from '../types.ts';
import { BRAM18_BITS, BRAM_MIN_BITS } from '../rtl/costs.ts';

type Figures = Omit<LayerEstimate, 'name' | 'kind' | 'ii'>;
export type StreamFigures = Figures & { readonly ii: number; readonly fill: number };

/** Transfers of a channels-last tensor in io_stream: one per pixel (every axis but the last). */
export const transfersOf = (shape: readonly number[]): number => (shape.length < 2 ? 1 : sizeOf(shape) / shape[shape.length - 1]);

const RECURRENT = new Set<Layer['kind']>(['lstm', 'gru', 'simple_rnn']);
const windowed = (l: Layer): l is Extract<Layer, { kind: 'conv' | 'depthwise_conv' | 'pool' }> => l.kind === 'conv' || l.kind === 'depthwise_conv' || l.kind === 'pool';

/**
 * The io_stream view of a layer's io_parallel figures (docs/estimation.md, "io_stream in the HLS model"): a pixel-wise
 * kernel is instantiated once and computes one output pixel per ReuseFactor cycles, so its resources are those of one
 * output position (the io_parallel figures over the positions); a window layer adds its line buffer, (kernel rows − 1)
 * image rows plus a kernel row of pixels, in registers below BRAM_MIN_BITS and BRAM18s from there (the RTL estimate's threshold); the image II is the larger of
 * the input transfers (one per cycle) and the output positions times the ReuseFactor; `fill` is the line buffer's
 * start-up, the input pixels read before the first window is complete. Layers on 1-D tensors (dense after a flatten)
 * and recurrent layers (their rule models the stream) keep their figures.
 */
export function streamFigures(layer: Layer, f: Figures, ii: number, inShape: readonly number[], inWidth: number): StreamFigures {
  const outPixels = transfersOf(layer.shape);
  const inPixels = transfersOf(inShape);
  // recurrent layers model their own io_stream buffers (recurrent.ts): their figures stand
  if (layer.shape.length < 2 || RECURRENT.has(layer.kind)) return { ...f, ii: Math.max(ii, inPixels), fill: 0 };
  const per = (v: number) => Math.ceil(v / outPixels);
  const scaled = { ...f, lut: per(f.lut), ff: per(f.ff), dsp: per(f.dsp), carry: per(f.carry), multipliers: { dsp: per(f.multipliers.dsp), lut: per(f.multipliers.lut), free: per(f.multipliers.free) } };
  const rf = windowed(layer) && layer.kind !== 'pool' ? Math.max(1, layer.reuseFactor) : 1;
  const imageIi = Math.max(inPixels, outPixels * rf);
  if (!windowed(layer)) return { ...scaled, ii: imageIi, fill: 0 };
  const channels = inShape[inShape.length - 1];
  const width = inShape.length >= 3 ? inShape[inShape.length - 2] : 1;
  const rows = layer.kernel.length >= 2 ? layer.kernel[0] : 1;
  const cols = layer.kernel[layer.kernel.length - 1];
  const bitsPerPixel = channels * inWidth;
  const bufferPixels = (rows - 1) * width + cols;
  const bits = bufferPixels * bitsPerPixel;
  const memory = bits >= BRAM_MIN_BITS ? { bram: scaled.bram + Math.ceil(bits / BRAM18_BITS), ff: scaled.ff } : { bram: scaled.bram, ff: scaled.ff + bits };
  return { ...scaled, ...memory, ii: imageIi, fill: bufferPixels, latencyCycles: f.latencyCycles + rf };
}


/**
 * The cycles for a whole image to pass the slowest streamed stage once the pipeline has filled: the largest II of a
 * pixel-wise layer (a recurrent layer's latency already holds its steps).
 */
export const drainOf = (layers: readonly LayerEstimate[]): number => Math.max(1, ...layers.filter((l) => !RECURRENT.has(l.kind as Layer['kind'])).map((l) => l.ii));

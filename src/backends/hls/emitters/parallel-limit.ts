import type { ProjectConfig } from '../../../config/project-config.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../../fixed/index.ts';
import type { Graph } from '../../../ir/graph.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { outputTensor, type Tensor } from '../../../ir/tensor.ts';
import { walk } from '../../../ir/walk.ts';
import { validTaps, windowIndex, windowTaps } from '../../../ir/window.ts';
import { convRule, depthwiseRule } from '../../../estimate/hls/window-layers.ts';

/**
 * The most multiplications an io_parallel convolution may unroll into one cycle: the 4096 iterations Vivado HLS
 * unrolls before it stops (the limit hls4ml users meet as "Stop unrolling loop"). Every product of every output
 * position is unrolled, divided over ReuseFactor cycles; past this bound the design is absurd for io_parallel and
 * IOType io_stream (one pixel per transfer) is the way (docs/hls.md, "Convolution family").
 */
export const IO_PARALLEL_MAX_MULTIPLICATIONS = 4096;

/** Multiplications the io_parallel kernel unrolls: every non-padding tap of every position, times the products per tap. */
export function unrolledMultiplications(layer: LayerOf<'conv' | 'depthwise_conv'>, inSpatial: readonly number[]): number {
  const taps = windowTaps(layer);
  const valid = validTaps(windowIndex(inSpatial, layer), taps).reduce((a, b) => a + b, 0);
  const perTap = layer.kind === 'conv' ? layer.nIn * layer.nOut : layer.channels * layer.multiplier;
  return valid * perTap;
}

/** Refuses, with the HLS estimate, a convolution whose unrolled multiplications per cycle exceed the bound. */
export function expectParallelFits(layer: LayerOf<'conv' | 'depthwise_conv'>, x: { readonly shape: readonly number[]; readonly type: FixedType }): void {
  const total = unrolledMultiplications(layer, x.shape.slice(0, -1));
  const rf = Math.max(1, layer.reuseFactor);
  const perCycle = Math.ceil(total / rf);
  if (perCycle <= IO_PARALLEL_MAX_MULTIPLICATIONS) return;
  const ctx = { inType: x.type, inSize: x.shape.reduce((a, b) => a * b, 1), inShape: x.shape };
  const est = layer.kind === 'conv' ? convRule(layer, ctx) : depthwiseRule(layer, ctx);
  const minimum = Math.ceil(total / IO_PARALLEL_MAX_MULTIPLICATIONS);
  throw fail(
    'too-large-for-io-parallel',
    { file: layer.origin?.file, layer: layer.name, op: layer.origin?.op ?? layer.kind },
    `multiplications per cycle must be at most ${IO_PARALLEL_MAX_MULTIPLICATIONS}, not ${perCycle} (${total} products at ReuseFactor ${rf}; ` +
      `HLS estimate: ${est.dsp} DSP, ${est.lut} LUT, ${est.ff} FF); supported: IOType: io_stream, or ReuseFactor ${minimum} or more`,
  );
}

/**
 * The same refusal over a whole graph, for the commands to run before they emulate anything (an absurd io_parallel
 * design is refused at once, not after minutes of emulation). Only the HLS backend in io_parallel has the bound.
 */
export function checkHlsIoParallel(graph: Graph, config: Pick<ProjectConfig, 'backend' | 'ioType'>): void {
  if (config.backend === 'RTL' || config.ioType !== 'io_parallel') return;
  walk<Tensor>(graph, (layer, inputs) => {
    if (layer.kind === 'conv' || layer.kind === 'depthwise_conv') expectParallelFits(layer, inputs[0]);
    return outputTensor(layer, inputs);
  });
}

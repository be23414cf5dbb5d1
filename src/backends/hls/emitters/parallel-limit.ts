import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { validTaps, windowIndex, windowTaps } from '../../../ir/window.ts';
import { convRule, depthwiseRule } from '../../../estimate/hls/window-layers.ts';
import type { EmitContext } from '../emit-context.ts';

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
export function expectParallelFits(layer: LayerOf<'conv' | 'depthwise_conv'>, ctx: EmitContext): void {
  const total = unrolledMultiplications(layer, ctx.input.shape.slice(0, -1));
  const rf = Math.max(1, layer.reuseFactor);
  const perCycle = Math.ceil(total / rf);
  if (perCycle <= IO_PARALLEL_MAX_MULTIPLICATIONS) return;
  const est = layer.kind === 'conv' ? convRule(layer, estimateContext(ctx)) : depthwiseRule(layer, estimateContext(ctx));
  const minimum = Math.ceil(total / IO_PARALLEL_MAX_MULTIPLICATIONS);
  throw fail(
    'too-large-for-io-parallel',
    { file: layer.origin?.file, layer: layer.name, op: layer.origin?.op ?? layer.kind },
    `multiplications per cycle must be at most ${IO_PARALLEL_MAX_MULTIPLICATIONS}, not ${perCycle} (${total} products at ReuseFactor ${rf}; ` +
      `HLS estimate: ${est.dsp} DSP, ${est.lut} LUT, ${est.ff} FF); supported: IOType: io_stream, or ReuseFactor ${minimum} or more`,
  );
}

const estimateContext = (ctx: EmitContext) => ({ inType: ctx.input.fixed, inSize: ctx.input.size, inShape: ctx.input.shape });

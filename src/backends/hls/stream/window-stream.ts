import type { Window } from '../../../ir/layers.ts';
import { windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import { axes2d, spatial2d } from './packing.ts';
import type { Iterations } from './process.ts';

/**
 * The io_stream line-buffer schedule of a sliding window (hls/nnet/nnet_window_stream.h), on the geometry of
 * src/ir/window.ts lifted to two axes (a 1-D window has height 1). Output (oy, ox) is computed once its trigger, the
 * raster index of its bottom-right tap clamped into the image, has arrived; every tap it reads lies at or before the
 * trigger (tests/backends/hls/stream/window-stream.test.ts checks this against windowIndex).
 */
export interface Window2d {
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kernel: [number, number];
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly padBegin: [number, number];
  /** input rows the line buffer holds: (kernel_h − 1)·dilation_h + 1 */
  readonly lineRows: number;
  readonly taps: number;
}

export function window2d(inShape: readonly number[], w: Window): Window2d {
  const inSpatial = inShape.slice(0, -1);
  const [inH, inW] = spatial2d(inShape);
  const [outH, outW] = axes2d(windowOutputSpatial(inSpatial, w), 1);
  const kernel = axes2d(w.kernel, 1);
  const dilations = axes2d(w.dilations, 1);
  return {
    inH,
    inW,
    outH,
    outW,
    kernel,
    strides: axes2d(w.strides, 1),
    dilations,
    padBegin: axes2d(w.padBegin, 0),
    lineRows: (kernel[0] - 1) * dilations[0] + 1,
    taps: windowTaps(w),
  };
}

const clamp = (v: number, last: number): number => (v < 0 ? 0 : v > last ? last : v);

/** The raster index of the last input pixel output (oy, ox) needs (the C++ window_trigger). */
export function windowTrigger(g: Window2d, oy: number, ox: number): number {
  const y = oy * g.strides[0] + (g.kernel[0] - 1) * g.dilations[0] - g.padBegin[0];
  const x = ox * g.strides[1] + (g.kernel[1] - 1) * g.dilations[1] - g.padBegin[1];
  return clamp(y, g.inH - 1) * g.inW + clamp(x, g.inW - 1);
}

/** One iteration per input pixel: read it, then compute the outputs it completes, `ii` cycles each. */
export function windowIterations(g: Window2d, ii: number): Iterations {
  return function* () {
    let oy = 0;
    let ox = 0;
    for (let k = 0; k < g.inH * g.inW; k++) {
      let n = 0;
      while (oy < g.outH && windowTrigger(g, oy, ox) <= k) {
        n++;
        if (++ox === g.outW) [ox, oy] = [0, oy + 1];
      }
      yield { reads: [0], writes: n, cycles: Math.max(1, n * ii) };
    }
  };
}

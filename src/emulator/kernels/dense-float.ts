import type { LayerOf } from '../../ir/layers.ts';
import type { OutputBuffer } from '../kernel.ts';
import { floatDenseModule } from '../wasm/dense-terms.ts';
import { DenseRunner, padOutputs } from '../wasm/dense-runner.ts';

/**
 * Dense in plain doubles: y_j = (…((b_j + x_0·w_0j) + x_1·w_1j) + …), i ascending, no fused multiply-add — the
 * same IEEE operations as the scalar loop, run two outputs per SIMD vector.
 */
export function denseFloat(layer: LayerOf<'dense'>, x: Float64Array, out?: OutputBuffer): Float64Array {
  const { nIn, nOut } = layer;
  const rows = nIn === 0 ? 0 : x.length / nIn;
  if (nIn === 0 || nOut === 0 || rows === 0 || typeof WebAssembly === 'undefined') return denseFloatScalar(layer, x);
  const runner = runnerOf(layer);
  const nOutPad = runner.nOutPad;
  const y = out ? out(rows * nOut) : new Float64Array(rows * nOut);
  runner.run(x, rows, (chunk, first, n) => {
    for (let r = 0, o = first * nOut; r < n; r++) for (let j = 0, c = r * nOutPad; j < nOut; j++) y[o++] = chunk[c + j];
  });
  return y;
}

/** One runner per layer object (the IR is immutable), reused by every chunk and every call. */
const runners = new WeakMap<LayerOf<'dense'>, DenseRunner<Float64Array>>();

function runnerOf(layer: LayerOf<'dense'>): DenseRunner<Float64Array> {
  let runner = runners.get(layer);
  if (runner) return runner;
  const { nIn, nOut, weights, bias } = layer;
  const nOutPad = padOutputs(nOut);
  const w = new Float64Array(nIn * nOutPad);
  for (let i = 0; i < nIn; i++) w.set(weights.subarray(i * nOut, (i + 1) * nOut), i * nOutPad);
  const b = new Float64Array(nOutPad);
  b.set(bias);
  runners.set(layer, (runner = new DenseRunner(floatDenseModule(), Float64Array, nIn, w, b)));
  return runner;
}

/** The reference loop (also the path for empty layers). */
export function denseFloatScalar(layer: LayerOf<'dense'>, x: Float64Array): Float64Array {
  const { nIn, nOut, weights, bias } = layer;
  const rows = nIn === 0 ? 0 : x.length / nIn;
  const y = new Float64Array(rows * nOut);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < nOut; j++) {
      let acc = bias[j];
      for (let i = 0; i < nIn; i++) acc += x[r * nIn + i] * weights[i * nOut + j];
      y[r * nOut + j] = acc;
    }
  return y;
}

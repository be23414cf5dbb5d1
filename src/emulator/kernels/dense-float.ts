import type { LayerOf } from '../../ir/layers.ts';
import { floatDenseModule } from '../wasm/dense-terms.ts';
import { DenseRunner, padOutputs } from '../wasm/dense-runner.ts';

/**
 * Dense in plain doubles: y_j = (…((b_j + x_0·w_0j) + x_1·w_1j) + …), i ascending, no fused multiply-add — the
 * same IEEE operations as the scalar loop, run two outputs per SIMD vector.
 */
export function denseFloat(layer: LayerOf<'dense'>, x: Float64Array): Float64Array {
  const { nIn, nOut, weights, bias } = layer;
  const rows = x.length / nIn;
  if (nIn === 0 || nOut === 0 || rows === 0) return denseFloatScalar(layer, x);
  const nOutPad = padOutputs(nOut);
  const w = new Float64Array(nIn * nOutPad);
  for (let i = 0; i < nIn; i++) w.set(weights.subarray(i * nOut, (i + 1) * nOut), i * nOutPad);
  const b = new Float64Array(nOutPad);
  b.set(bias);
  const runner = new DenseRunner(floatDenseModule(), Float64Array, nIn, w, b);
  const y = new Float64Array(rows * nOut);
  runner.run(x, rows, (chunk, first, n) => {
    for (let r = 0; r < n; r++) y.set(chunk.subarray(r * nOutPad, r * nOutPad + nOut), (first + r) * nOut);
  });
  return y;
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

import type { LayerOf } from '../../ir/layers.ts';
import { firstInShape, reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { singleTensor } from '../precision.ts';
import { denseStep } from './dense.ts';
import { im2colCached, im2colOf, overRows, type Im2col } from './im2col.ts';

/**
 * Depthwise convolution, docs/arithmetic.md: output channel c·m + k accumulates, taps ascending, x[tap, c] · W[t][c][k]
 * from Q_accum(bq). That is the dense contract over the im2col row with the matrix W'[t·C + c'][c·m + k] =
 * (c' = c ? W[t][c][k] : 0): its zeros are never multiplied, so each column walks exactly its own channel's taps.
 */
export const depthwiseConv: Kernel<'depthwise_conv'> = {
  fixed(layer, inputs, counters) {
    const x = singleTensor(layer, inputs);
    const g = im2colOf(x.shape, layer);
    const { channels: C, multiplier: m, weights } = layer;
    const nOut = C * m;
    const weight = (i: number, j: number) => (i % C === Math.floor(j / m) ? weights[i * m + (j % m)] : 0);
    // SIMD multiplies every matrix entry: C-fold waste beyond one 8-lane block; the number path walks nonzeros only
    const step = denseStep(layer, { nIn: g.rowLength, nOut, weight }, x.type, counters, { simd: nOut <= 8 });
    const out = reusableBuffer();
    return {
      type: step.type,
      variant: step.variant,
      begin: step.begin,
      run: ([v], batch) => overRows(g, v, batch, nOut, step.rows, out(batch * g.positions * nOut)),
    };
  },
  float: (layer, [x], batch, out, inShapes) => depthwiseFloat(layer, im2colCached(firstInShape(layer, inShapes), layer), x, batch, out),
};

/** y[s, p, c·m + k] = (…(b + x[tap 0, c]·W[0][c][k]) + …), taps ascending, padding taps skipped. */
function depthwiseFloat(layer: LayerOf<'depthwise_conv'>, g: Im2col, x: Float64Array, batch: number, out: OutputBuffer): Float64Array {
  const { channels: C, multiplier: m, weights, bias } = layer;
  const { index, taps, positions, inSize } = g;
  const nOut = C * m;
  const y = out(batch * positions * nOut);
  let o = 0;
  for (let s = 0; s < batch; s++)
    for (let p = 0; p < positions; p++)
      for (let c = 0; c < C; c++)
        for (let k = 0; k < m; k++) {
          let acc = bias[c * m + k];
          for (let t = 0; t < taps; t++) {
            const q = index[p * taps + t];
            if (q >= 0) acc += x[s * inSize + q * C + c] * weights[(t * C + c) * m + k];
          }
          y[o++] = acc;
        }
  return y;
}

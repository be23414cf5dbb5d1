import type { LayerOf } from '../../ir/layers.ts';
import { moveIndex } from '../../ir/move.ts';
import { reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { singleTensor } from '../precision.ts';

/**
 * Pad, crop and nearest upsampling move data only (docs/arithmetic.md): out[j] = in[source[j]] per sample, or an
 * exact 0 where source[j] = −1; no cast, the input type passes through, fixed and float alike.
 * `sourceAxis(a, o)` maps output coordinate o of spatial axis a to its input coordinate, or −1 (padding).
 */
export function spatialMove<K extends 'pad' | 'crop' | 'upsample'>(
  sourceAxis: (layer: LayerOf<K>, a: number, o: number) => number,
): Kernel<K> {
  const indexOf = (layer: LayerOf<K>, inShape: readonly number[]) => moveIndex((layer as LayerOf<'pad' | 'crop' | 'upsample'>).shape, inShape, (a, o) => sourceAxis(layer, a, o));
  return {
    fixed(layer, inputs) {
      const x = singleTensor(layer, inputs);
      const index = indexOf(layer, x.shape);
      const out = reusableBuffer();
      return { type: x.type, run: ([v], batch) => move(v, batch, index, out) };
    },
    float: (layer, [v], batch, out, [inShape]) => move(v, batch, indexOf(layer, inShape), out),
  };
}

function move(x: Float64Array, batch: number, index: Int32Array, out: OutputBuffer): Float64Array {
  const n = index.length;
  const inSize = batch === 0 ? 0 : x.length / batch;
  const y = out(batch * n);
  for (let s = 0; s < batch; s++) {
    const xo = s * inSize;
    for (let j = 0, o = s * n; j < n; j++, o++) {
      const i = index[j];
      y[o] = i < 0 ? 0 : x[xo + i];
    }
  }
  return y;
}

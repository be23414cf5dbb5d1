import type { LayerOf } from '../../ir/layers.ts';
import { strides as rowMajorStrides } from '../../ir/tensor.ts';
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

/** source[j] for every element j of the output [S'…, C]: the channel stays, each spatial coordinate maps alone. */
export function moveIndex(outShape: readonly number[], inShape: readonly number[], sourceAxis: (a: number, o: number) => number): Int32Array {
  const r = outShape.length - 1;
  const C = outShape[r];
  const inStride = rowMajorStrides(inShape);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const index = new Int32Array(outSize);
  const pos = new Array<number>(r).fill(0);
  for (let q = 0; q < outSize / Math.max(C, 1); q++) {
    let base = 0;
    for (let a = 0; a < r && base >= 0; a++) {
      const i = sourceAxis(a, pos[a]);
      base = i < 0 ? -1 : base + i * inStride[a];
    }
    for (let c = 0; c < C; c++) index[q * C + c] = base < 0 ? -1 : base + c;
    for (let a = r - 1; a >= 0; a--) {
      if (++pos[a] < outShape[a]) break;
      pos[a] = 0;
    }
  }
  return index;
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

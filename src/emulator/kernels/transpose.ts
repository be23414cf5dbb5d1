import { transposeIndex, transposeInputShape } from '../../ir/tensor.ts';
import type { TransposeLayer } from '../../ir/layers.ts';
import { reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { single } from '../precision.ts';

/** out[j] = in[index[j]] per sample (ir/tensor.ts transposeIndex); values and type pass through unchanged. */
export const transpose: Kernel<'transpose'> = {
  fixed(layer, inputs) {
    const index = indexOf(layer);
    const out = reusableBuffer();
    return { type: single(layer, inputs), run: ([x]) => gather(x, index, out) };
  },
  float: (layer, [x], _batch, out) => gather(x, indexOf(layer), out),
};

const indexOf = (layer: TransposeLayer): Int32Array => transposeIndex(transposeInputShape(layer.shape, layer.perm), layer.perm);

function gather(x: Float64Array, index: Int32Array, out: OutputBuffer): Float64Array {
  const n = index.length;
  const y = out(x.length);
  for (let s = 0; s < x.length; s += n) for (let j = 0; j < n; j++) y[s + j] = x[s + index[j]];
  return y;
}

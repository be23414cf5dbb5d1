import { spatialSource, type SpatialMoveLayer } from '../../ir/spatial-move.ts';
import { firstInShape, reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { singleTensor } from '../precision.ts';

/**
 * Pad, crop and nearest upsampling move data only (docs/arithmetic.md): out[j] = in[source[j]] per sample
 * (src/ir/spatial-move.ts), or an exact 0 where source[j] = −1; no cast, the input type passes through.
 */
export const spatialMove = <K extends 'pad' | 'crop' | 'upsample'>(): Kernel<K> => ({
  fixed(layer, inputs) {
    const x = singleTensor(layer, inputs);
    const source = spatialSource(layer as SpatialMoveLayer, x.shape);
    const out = reusableBuffer();
    return { type: x.type, run: ([v], batch) => move(v, batch, source, out) };
  },
  float: (layer, [v], batch, out, inShapes) => move(v, batch, spatialSource(layer as SpatialMoveLayer, firstInShape(layer, inShapes)), out),
});

function move(x: Float64Array, batch: number, source: Int32Array, out: OutputBuffer): Float64Array {
  const n = source.length;
  const inSize = batch === 0 ? 0 : x.length / batch;
  const y = out(batch * n);
  for (let s = 0; s < batch; s++) {
    const xo = s * inSize;
    for (let j = 0, o = s * n; j < n; j++, o++) {
      const i = source[j];
      y[o] = i < 0 ? 0 : x[xo + i];
    }
  }
  return y;
}

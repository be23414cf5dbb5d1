import { Caster, fracBits } from '../../fixed/index.ts';
import { concatIndex, concatInputShapes } from '../../ir/tensor.ts';
import { reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { need } from '../precision.ts';

/** y = the inputs side by side along `axis`, each element cast Q_result(x) from its own input type. */
export const concatenate: Kernel<'concatenate'> = {
  fixed(layer, inputs, counters) {
    const result = need(layer, 'result');
    const stats = counters.stats('result');
    const casters = inputs.map((t) => new Caster(fracBits(t.type), result, stats));
    const sizes = inputs.map((t) => t.shape.reduce((a, b) => a * b, 1));
    const { which, at } = concatIndex(concatInputShapes(layer.shape, layer.axis, sizes), layer.axis);
    const out = reusableBuffer();
    return {
      type: result,
      run(xs) {
        const n = which.length;
        const rows = n === 0 ? 0 : (xs[0].length / sizes[0]) | 0;
        const y = out(rows * n);
        for (let s = 0; s < rows; s++)
          for (let j = 0; j < n; j++) y[s * n + j] = casters[which[j]].cast(xs[which[j]][s * sizes[which[j]] + at[j]]);
        return y;
      },
    };
  },
  float(layer, xs, batch, out) {
    const sizes = xs.map((x) => x.length / Math.max(batch, 1));
    const { which, at } = concatIndex(concatInputShapes(layer.shape, layer.axis, sizes), layer.axis);
    return gatherFloat(xs, sizes, which, at, batch, out);
  },
};

function gatherFloat(xs: readonly Float64Array[], sizes: readonly number[], which: Int32Array, at: Int32Array, batch: number, out: OutputBuffer): Float64Array {
  const n = which.length;
  const y = out(batch * n);
  for (let s = 0; s < batch; s++) for (let j = 0; j < n; j++) y[s * n + j] = xs[which[j]][s * sizes[which[j]] + at[j]];
  return y;
}

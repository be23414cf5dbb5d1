import type { LayerOf } from '../../ir/layers.ts';
import { firstInShape, reusableBuffer, type Kernel } from '../kernel.ts';
import { singleTensor } from '../precision.ts';
import { denseStep } from './dense.ts';
import { denseFloat } from './dense-float.ts';
import { im2colCached, im2colOf, overRows } from './im2col.ts';

/**
 * Convolution, docs/arithmetic.md: for each output position, exactly the dense contract over the im2col row
 * i = t·nIn + c (tap first, then input channel). Weights [taps…][nIn][nOut] are already that dense matrix
 * [taps·nIn][nOut], so every dense path (SIMD, number, BigInt; float SIMD) runs the rows of the whole batch.
 */
export const conv: Kernel<'conv'> = {
  fixed(layer, inputs, counters) {
    const x = singleTensor(layer, inputs);
    const g = im2colOf(x.shape, layer);
    const { nOut, weights } = layer;
    const step = denseStep(layer, { nIn: g.rowLength, nOut, weight: (i, j) => weights[i * nOut + j] }, x.type, counters);
    const out = reusableBuffer();
    return {
      type: step.type,
      variant: step.variant,
      begin: step.begin,
      run: ([v], batch) => overRows(g, v, batch, nOut, step.rows, out(batch * g.positions * nOut)),
    };
  },
  float(layer, [x], batch, out, inShapes) {
    const g = im2colCached(firstInShape(layer, inShapes), layer);
    const dense = asDense(layer, g.rowLength);
    return overRows(g, x, batch, layer.nOut, (rows) => denseFloat(dense, rows), out(batch * g.positions * layer.nOut));
  },
};

/** The dense view of a conv layer, one object per layer so denseFloat reuses its runner. */
const dense = new WeakMap<LayerOf<'conv'>, LayerOf<'dense'>>();
function asDense(layer: LayerOf<'conv'>, nIn: number): LayerOf<'dense'> {
  let d = dense.get(layer);
  if (!d) dense.set(layer, (d = { ...layer, kind: 'dense', nIn, shape: [layer.nOut] } as unknown as LayerOf<'dense'>));
  return d;
}

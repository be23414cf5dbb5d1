import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { denseFloat, denseFloatScalar } from '../../../src/emulator/kernels/dense-float.ts';
import type { LayerOf } from '../../../src/ir/layers.ts';
import { chain, randomArray, rng } from '../build-graph.ts';

const denseLayer = (nIn: number, nOut: number, weights: Float64Array, bias: Float64Array): LayerOf<'dense'> =>
  chain([{ kind: 'input', name: 'x', shape: [nIn] }, { kind: 'dense', name: 'fc', shape: [nOut], nIn, nOut, weights, bias }]).layers[1] as LayerOf<'dense'>;

/** Same doubles, −0 and NaN included. */
const same = (a: Float64Array, b: Float64Array) => expect(Array.from(a, (v, i) => Object.is(v, b[i]))).toEqual(Array.from(a, () => true));

describe('float dense (SIMD)', () => {
  it('gives the very doubles of the scalar loop for odd sizes and batches over several chunks', () => {
    const random = rng(1);
    for (const [nIn, nOut, rows] of [[1, 1, 1], [3, 5, 7], [16, 9, 129], [7, 17, 300], [40, 8, 2]]) {
      const layer = denseLayer(nIn, nOut, randomArray(random, nIn * nOut, 3, 0.1), randomArray(random, nOut, 1));
      const x = randomArray(random, rows * nIn, 1e3);
      same(denseFloat(layer, x), denseFloatScalar(layer, x));
    }
  });

  it('propagates NaN, infinities and signed zeros exactly like the scalar loop', () => {
    const layer = denseLayer(3, 4, new Float64Array([0, -0, 1e308, -1, 2, 0, -0, 1, 1e308, 3, -2, 0.5]), new Float64Array([-0, 0, -0, 1]));
    const x = new Float64Array([0, -0, 0, Infinity, 1, 2, NaN, 0, 0, 1e308, 1e308, -1e308, -0, 0, -0]);
    same(denseFloat(layer, x), denseFloatScalar(layer, x));
  });
});

describe('float relu', () => {
  it('returns x > 0 ? x : 0 for NaN, infinities, huge values and signed zeros', () => {
    const g = chain([{ kind: 'input', name: 'x', shape: [8] }, { kind: 'relu', name: 'r', shape: [8] }]);
    const x = new Float64Array([NaN, -Infinity, Infinity, 1.7e308, -1.7e308, -0, 0, 5e-324]);
    same(emulate(g, x, 1, { mode: 'float' }).output, x.map((v) => (v > 0 ? v : 0)));
    const plain = new Float64Array([1.5, -2, 0.25, -0, 3, -1e-300, 7, 0]);
    same(emulate(g, plain, 1, { mode: 'float' }).output, plain.map((v) => (v > 0 ? v : 0)));
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { thrown } from '../../helpers/thrown.ts';
import { tempDirForFile } from '../../helpers/temp.ts';

const dir = tempDirForFile('keras');
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

/** Sequential: InputLayer (shape) → the given weightless layer */
function oneLayer(name: string, shape: number[], layer: { class_name: string; config: Record<string, unknown> }): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    class_name: 'Sequential',
    config: { name, layers: [{ class_name: 'InputLayer', config: { name: 'x', batch_shape: [null, ...shape] } }, { ...layer, config: { name: 'l', ...layer.config } }] },
  }));
  return file;
}

const X = Float64Array.from({ length: 24 }, (_, i) => (i - 11.5) / 2);

const CASES: [string, { class_name: string; config: Record<string, unknown> }, (x: number) => number][] = [
  ['ReLU()', { class_name: 'ReLU', config: {} }, (x) => Math.max(x, 0)],
  ['ReLU(max_value=6) (ReLU6)', { class_name: 'ReLU', config: { max_value: 6 } }, (x) => Math.min(Math.max(x, 0), 6)],
  ['ReLU(negative_slope=0.25)', { class_name: 'ReLU', config: { negative_slope: 0.25 } }, (x) => (x >= 0 ? x : 0.25 * x)],
  ['LeakyReLU (Keras 2 default alpha 0.3)', { class_name: 'LeakyReLU', config: {} }, (x) => (x >= 0 ? x : 0.3 * x)],
  ['LeakyReLU(negative_slope=0.5) (Keras 3)', { class_name: 'LeakyReLU', config: { negative_slope: 0.5 } }, (x) => (x >= 0 ? x : 0.5 * x)],
  ["Activation('relu6')", { class_name: 'Activation', config: { activation: 'relu6' } }, (x) => Math.min(Math.max(x, 0), 6)],
  ["Activation('sigmoid')", { class_name: 'Activation', config: { activation: 'sigmoid' } }, (x) => 1 / (1 + Math.exp(-x))],
  ["Activation('tanh')", { class_name: 'Activation', config: { activation: 'tanh' } }, Math.tanh],
  ["Activation('linear')", { class_name: 'Activation', config: { activation: 'linear' } }, (x) => x],
  ["Activation('elu')", { class_name: 'Activation', config: { activation: 'elu' } }, (x) => (x > 0 ? x : Math.exp(x) - 1)],
  ['ELU(alpha=0.5)', { class_name: 'ELU', config: { alpha: 0.5 } }, (x) => (x > 0 ? x : 0.5 * (Math.exp(x) - 1))],
  ["Activation('selu')", { class_name: 'Activation', config: { activation: 'selu' } }, (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1))],
  ["Activation('softplus')", { class_name: 'Activation', config: { activation: 'softplus' } }, (x) => Math.log1p(Math.exp(x))],
  ["Activation('softsign')", { class_name: 'Activation', config: { activation: 'softsign' } }, (x) => x / (1 + Math.abs(x))],
  ["Activation('swish')", { class_name: 'Activation', config: { activation: 'swish' } }, (x) => x / (1 + Math.exp(-x))],
  ["Activation('hard_sigmoid') (Keras 2: 0.2x + 0.5)", { class_name: 'Activation', config: { activation: 'hard_sigmoid' } }, (x) => Math.min(Math.max(0.2 * x + 0.5, 0), 1)],
  ['ThresholdedReLU(theta=1.5)', { class_name: 'ThresholdedReLU', config: { theta: 1.5 } }, (x) => (x > 1.5 ? x : 0)],
];

describe('weightless Keras layers', () => {
  for (const [title, layer, f] of CASES) {
    it(`${title} computes its Keras definition elementwise on a [4, 6] tensor`, () => {
      const g = loadKeras(oneLayer(title.replace(/\W+/g, '_'), [4, 6], layer), P);
      verifyGraph(g);
      const y = emulate(g, X, 1, { mode: 'float' }).output;
      expect(Array.from(y)).toEqual(Array.from(X, (v) => expect.closeTo(f(v), 12)));
    });
  }

  it('Reshape([6, 4]), Flatten and the identity Permute keep the row-major data order', () => {
    for (const [name, layer, shape] of [
      ['reshape', { class_name: 'Reshape', config: { target_shape: [-1, 4] } }, [6, 4]],
      ['flatten', { class_name: 'Flatten', config: {} }, [24]],
      ['permute', { class_name: 'Permute', config: { dims: [1, 2] } }, [4, 6]],
    ] as const) {
      const g = loadKeras(oneLayer(name, [4, 6], layer), P);
      expect(g.layers[1].shape).toEqual(shape);
      expect(Array.from(emulate(g, X, 1, { mode: 'float' }).output)).toEqual(Array.from(X));
    }
  });

  it('Permute(dims=(2, 1)) on [4, 6] and Permute(dims=(3, 1, 2)) on [2, 3, 4] move data as Keras defines (y[i, j] = x[j, i])', () => {
    const g2 = loadKeras(oneLayer('permute21', [4, 6], { class_name: 'Permute', config: { dims: [2, 1] } }), P);
    const want2: number[] = [];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) want2.push(X[j * 6 + i]);
    expect(g2.layers[1].shape).toEqual([6, 4]);
    expect(Array.from(emulate(g2, X, 1, { mode: 'float' }).output)).toEqual(want2);
    // dims (3, 1, 2): output axes (c, a, b) of an input [a, b, c]: y[k, i, j] = x[i, j, k]
    const g3 = loadKeras(oneLayer('permute312', [2, 3, 4], { class_name: 'Permute', config: { dims: [3, 1, 2] } }), P);
    const want3: number[] = [];
    for (let k = 0; k < 4; k++) for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) want3.push(X[i * 12 + j * 4 + k]);
    expect(g3.layers[1].shape).toEqual([4, 2, 3]);
    expect(Array.from(emulate(g3, X, 1, { mode: 'float' }).output)).toEqual(want3);
  });

  it('refuses Permute dims that are not a permutation of the non-batch axes', () => {
    const file = oneLayer('permute0', [4, 6], { class_name: 'Permute', config: { dims: [0, 1] } });
    expect(() => loadKeras(file, P)).toThrow(`${file}: layer 'l' (Permute): unsupported attribute value: dims must be a permutation of 1..2, not [0, 1]`);
  });

  it('refuses a softmax over an axis other than the last', () => {
    const file = oneLayer('softmax1', [4, 6], { class_name: 'Softmax', config: { axis: 1 } });
    expect(() => loadKeras(file, P)).toThrow(`${file}: layer 'l' (Softmax): unsupported attribute value: axis must be the last axis (-1 or 2), not 1`);
  });
});

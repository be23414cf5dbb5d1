import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { thrown } from '../../helpers/thrown.ts';
import { tempDir } from './fixtures.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

  it('refuses a reordering Permute as not supported yet, naming the transpose kind', () => {
    const file = oneLayer('permute21', [4, 6], { class_name: 'Permute', config: { dims: [2, 1] } });
    const e = thrown(() => loadKeras(file, P));
    expect(e.code).toBe('unsupported-layer');
    expect(e.message).toBe(`${file}: layer 'l' (Permute): unsupported layer class: Permute(dims=[2, 1]) is not supported yet: it needs the IR layer kind 'transpose', which is still being added; supported: Permute with dims in order`);
  });

  it('refuses an activation whose IR kind is still being added, naming it', () => {
    const file = oneLayer('elu', [4], { class_name: 'Activation', config: { activation: 'elu' } });
    const e = thrown(() => loadKeras(file, P));
    expect(e.code).toBe('unsupported-layer');
    expect(e.message).toMatch(new RegExp(`^${file}: layer 'l' \\(Activation\\): unsupported layer class: activation 'elu' is not supported yet: it needs the IR layer kind 'elu', which is still being added; supported: relu, relu6, leaky_relu, sigmoid, tanh, softmax, linear, quantized_bits`));
  });

  it('refuses a softmax over an axis other than the last', () => {
    const file = oneLayer('softmax1', [4, 6], { class_name: 'Softmax', config: { axis: 1 } });
    expect(() => loadKeras(file, P)).toThrow(`${file}: layer 'l' (Softmax): unsupported attribute value: axis must be the last axis (-1 or 2), not 1`);
  });
});

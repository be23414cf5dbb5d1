import h5wasm from 'h5wasm/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVectors } from '../../../src/data/vectors.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { formatFixedType, parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { sizeOf } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { compile } from '../../../src/pipeline.ts';
import { hasShared, sharedPath } from '../../helpers/shared.ts';
import { values } from './fixtures.ts';
import { conv, map, pool, tensorOf, type Geometry, type T } from './reference-cnn.ts';
import { quantizedBits, quantizedRelu } from './reference-mlp.ts';

const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };
const M = (p: string) => sharedPath(`models/${p}`);
beforeAll(async () => {
  await h5wasm.ready;
});

/** Float emulation of a model against its stored inputs/outputs: the largest difference. */
function maxErrorAgainst(model: string, inputs: string, outputs: string): number {
  const g = loadKeras(model, P);
  verifyGraph(g);
  const x = readVectors(inputs, sizeOf(g.layers[0].shape));
  const want = readVectors(outputs);
  const y = emulate(g, x.data, x.batch, { mode: 'float' }).output;
  expect(y.length).toBe(want.data.length);
  return Math.max(...Array.from(y, (v, i) => Math.abs(v - want.data[i])));
}

describe.skipIf(!hasShared)('hls4ml example-prjs convolutions reproduce their tb_output_predictions.dat (float mode)', () => {
  for (const name of ['conv1d_1layer', 'conv2d_1layer', 'sigmoid', 'tanh']) {
    for (const file of [`${name}.json`, `${name}.h5`]) {
      it(`reproduces example-prjs/${name} within 1e-5 (${file})`, () => {
        const d = `hls4ml/example-prjs/${name}/`;
        expect(maxErrorAgainst(M(d + file), M(`${d}tb_input_features.dat`), M(`${d}tb_output_predictions.dat`))).toBeLessThan(1e-5);
      });
    }
  }
});

/** Variables of a Keras 2 weights file read with h5wasm (not the frontend's reader): `<layer>/<layer>/<var>:0`. */
function reader(file: string): (layer: string, v: string, quantizer?: (x: number) => number) => number[] {
  const f = new h5wasm.File(file, 'r');
  return (layer, v, q = (x) => x) => Array.from((f.get(`${layer}/${layer}/${v}:0`) as { value: Float32Array }).value, q);
}
const relu = (x: T) => map(x, (v) => Math.max(v, 0));
const dense = (x: number[], k: number[], b: number[]) => b.map((bj, j) => x.reduce((s, xi, i) => s + xi * k[i * b.length + j], bj));
const softmax = (z: number[]) => {
  const e = z.map((v) => Math.exp(v - Math.max(...z)));
  return e.map((v) => v / e.reduce((a, c) => a + c, 0));
};

/** float emulation vs a reference on `n` seeded inputs in [lo, hi): the largest difference */
function maxErrorAgainstReference(model: string, n: number, [lo, hi]: [number, number], reference: (x: T) => number[]): number {
  const g = loadKeras(M(model), P);
  verifyGraph(g);
  const shape = g.layers[0].shape;
  const width = sizeOf(shape);
  const x = Float64Array.from(values(n * width, 5), (v) => lo + ((v + 1) / 2) * (hi - lo));
  const y = emulate(g, x, n, { mode: 'float' }).output;
  const out = y.length / n;
  let err = 0;
  for (let s = 0; s < n; s++) {
    const want = reference(tensorOf(shape, x.subarray(s * width, (s + 1) * width)));
    expect(want.length).toBe(out);
    for (let j = 0; j < out; j++) err = Math.max(err, Math.abs(y[s * out + j] - want[j]));
  }
  return err;
}

describe.skipIf(!hasShared)('shared Keras CNNs against an independent float evaluation', () => {
  it('KERAS_conv1d_small (3 × Conv1D k=4 same relu, Flatten, Dense relu, Dense softmax) matches within 1e-9', () => {
    const w = reader(M('keras/KERAS_conv1d_small_weights.h5'));
    const same: Geometry = { k: [1, 4], padding: 'same' };
    const reference = (x: T) => {
      let h = x;
      for (const l of ['conv1_relu', 'conv2_relu', 'conv3_relu']) h = relu(conv(h, same, w(l, 'kernel'), w(l, 'bias')));
      const f = dense(h.data, w('fc1_relu', 'kernel'), w('fc1_relu', 'bias')).map((v) => Math.max(v, 0));
      return softmax(dense(f, w('output_softmax', 'kernel'), w('output_softmax', 'bias')));
    };
    expect(maxErrorAgainstReference('keras/KERAS_conv1d_small.json', 100, [-2, 2], reference)).toBeLessThan(1e-9);
  });

  it('KERAS_conv1d (3 × Conv1D 32 filters k=40 same relu on 100×7, Dense 50 relu, Dense 5 softmax) matches within 1e-9', () => {
    const w = reader(M('keras/KERAS_conv1d_weights.h5'));
    const same: Geometry = { k: [1, 40], padding: 'same' };
    const reference = (x: T) => {
      let h = x;
      for (const l of ['conv1_relu', 'conv2_relu', 'conv3_relu']) h = relu(conv(h, same, w(l, 'kernel'), w(l, 'bias')));
      const f = dense(h.data, w('fc1_relu', 'kernel'), w('fc1_relu', 'bias')).map((v) => Math.max(v, 0));
      return softmax(dense(f, w('output_softmax', 'kernel'), w('output_softmax', 'bias')));
    };
    expect(maxErrorAgainstReference('keras/KERAS_conv1d.json', 4, [-2, 2], reference)).toBeLessThan(1e-9);
  });

  it('KERAS_conv2d_model (Conv2D 3×3 same relu on 8×8×1, Dropout, Flatten, Dense softmax) matches within 1e-9', () => {
    const w = reader(M('keras/KERAS_conv2d_model_weights.h5'));
    const reference = (x: T) => {
      const h = relu(conv(x, { k: [3, 3], padding: 'same' }, w('conv2d_1', 'kernel'), w('conv2d_1', 'bias')));
      return softmax(dense(h.data, w('dense_1', 'kernel'), w('dense_1', 'bias')));
    };
    expect(maxErrorAgainstReference('keras/KERAS_conv2d_model.json', 100, [-2, 2], reference)).toBeLessThan(1e-9);
  });

  const q6 = quantizedBits(6, 0);
  let weights: ReturnType<typeof reader> | undefined;
  const mnistCnn = (x: T): number[] => {
    const w = (weights ??= reader(M('keras/qkeras_mnist_cnn_weights.h5')));
    let h = x;
    for (const l of ['q_conv2d', 'q_conv2d_1']) {
      h = map(relu(conv(h, { k: [3, 3] }, w(l, 'kernel', q6), w(l, 'bias', q6))), quantizedRelu(6, 0));
      h = pool(h, { k: [2, 2] }, 'max');
    }
    return softmax(dense(h.data, w('q_dense', 'kernel', q6), w('q_dense', 'bias', q6)));
  };

  it('qkeras_mnist_cnn (QConv2D quantized_bits(6,0), quantized_relu(6,0), MaxPooling2D, QDense) matches QKeras inference within 1e-9', () => {
    expect(maxErrorAgainstReference('keras/qkeras_mnist_cnn.json', 20, [0, 1], mnistCnn)).toBeLessThan(1e-9);
  });

  it('qkeras_mnist_cnn with its hls4ml config declares the quantizer types and emulates in fixed point close to QKeras', () => {
    const { graph } = compile({ configFile: M('config-files/qkeras_mnist_cnn_config.yml') });
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    for (const name of ['q_conv2d', 'q_conv2d_1', 'q_dense']) {
      const p = byName.get(name)!.precision;
      expect([name, formatFixedType(p.weight!), formatFixedType(p.bias!)]).toEqual([name, 'ap_fixed<6,1,AP_RND_CONV,AP_SAT>', 'ap_fixed<6,1,AP_RND_CONV,AP_SAT>']);
    }
    expect(graph.layers.filter((l) => l.kind === 'pool').map((l) => l.shape)).toEqual([[13, 13, 16], [5, 5, 16]]);
    const n = 50;
    const x = Float64Array.from(values(n * 784, 9), (v) => Math.round(((v + 1) / 2) * 1024) / 1024);
    const y = emulate(graph, x, n).output;
    let agree = 0;
    for (let s = 0; s < n; s++) {
      const want = mnistCnn(tensorOf([28, 28, 1], x.subarray(784 * s, 784 * (s + 1))));
      const got = Array.from(y.subarray(10 * s, 10 * (s + 1)));
      if (got.indexOf(Math.max(...got)) === want.indexOf(Math.max(...want))) agree++;
    }
    // ap_fixed<16,6> between the exact quantizers, tables for the softmax: the same class nearly always
    expect(agree).toBeGreaterThanOrEqual(n - 2);
  });
});

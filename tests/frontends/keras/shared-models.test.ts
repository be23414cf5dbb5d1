import { describe, expect, it } from 'vitest';
import { readVectors } from '../../../src/data/vectors.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { sizeOf } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { hasShared, sharedPath } from '../../helpers/shared.ts';
import { thrown } from '../../helpers/thrown.ts';
import { quantizedBits, quantizedPo2, quantizedRelu, referenceMlp, type Op } from './reference-mlp.ts';

const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };
const M = (p: string) => sharedPath(`models/${p}`);

/** Float emulation of a model against stored inputs/outputs. */
function maxErrorAgainst(model: string, inputs: string, outputs: string): number {
  const g = loadKeras(model, P);
  verifyGraph(g);
  const x = readVectors(inputs, sizeOf(g.layers[0].shape));
  const want = readVectors(outputs);
  const y = emulate(g, x.data, x.batch, { mode: 'float' }).output;
  expect(y.length).toBe(want.data.length);
  return Math.max(...Array.from(y, (v, i) => Math.abs(v - want.data[i])));
}

describe.skipIf(!hasShared)('shared Keras models with stored reference outputs (float mode)', () => {
  it('reproduces KERAS_mnist_mlp_outputs.dat from its inputs within 1e-5 (JSON + weights .h5)', () => {
    const d = 'hls4ml/example-models/keras/';
    expect(maxErrorAgainst(M(`${d}KERAS_mnist_mlp.json`), M(`${d}KERAS_mnist_mlp_inputs.dat`), M(`${d}KERAS_mnist_mlp_outputs.dat`))).toBeLessThan(1e-5);
  });

  for (const name of ['relu', 'leaky_relu', 'prelu', 'softmax']) {
    for (const file of [`${name}.json`, `${name}.h5`]) {
      it(`reproduces the tb_output_predictions.dat of example-prjs/${name} within 1e-5 (${file})`, () => {
        const d = `hls4ml/example-prjs/${name}/`;
        expect(maxErrorAgainst(M(d + file), M(`${d}tb_input_features.dat`), M(`${d}tb_output_predictions.dat`))).toBeLessThan(1e-5);
      });
    }
  }
});

/** 200 seeded inputs in [−4, 4) */
const inputs = (n: number, width: number) => Float64Array.from({ length: n * width }, (_, i) => ((Math.sin(i * 12.9898) * 43758.5453) % 1) * 4);

async function maxErrorAgainstReference(json: string, weights: string, ops: Op[]): Promise<number> {
  const g = loadKeras(M(json), P);
  verifyGraph(g);
  const width = sizeOf(g.layers[0].shape);
  const n = 200;
  const x = inputs(n, width);
  const y = emulate(g, x, n, { mode: 'float' }).output;
  const ref = await referenceMlp(M(weights), ops);
  const out = y.length / n;
  let err = 0;
  for (let s = 0; s < n; s++) {
    const want = ref(x.subarray(s * width, (s + 1) * width));
    for (let j = 0; j < out; j++) err = Math.max(err, Math.abs(y[s * out + j] - want[j]));
  }
  return err;
}

describe.skipIf(!hasShared)('shared Keras models against an independent float evaluation', () => {
  it('KERAS_3layer (16-64-32-32-5, relu, softmax) matches within 1e-5', async () => {
    const ops: Op[] = [
      { op: 'dense', name: 'fc1_relu' }, { op: 'relu' }, { op: 'dense', name: 'fc2_relu' }, { op: 'relu' },
      { op: 'dense', name: 'fc3_relu' }, { op: 'relu' }, { op: 'dense', name: 'output_softmax' }, { op: 'softmax' },
    ];
    expect(await maxErrorAgainstReference('keras/KERAS_3layer.json', 'keras/KERAS_3layer_weights.h5', ops)).toBeLessThan(1e-5);
  });

  it('KERAS_3layer_batch_norm (Dense, BatchNormalization ε = 1e-6, Activation) matches within 1e-5', async () => {
    const block = (d: string, bn: string): Op[] => [{ op: 'dense', name: d }, { op: 'bn', name: bn, epsilon: 1e-6 }];
    const ops: Op[] = [
      ...block('fc1_relu', 'bn1'), { op: 'relu' }, ...block('fc2_relu', 'bn2'), { op: 'relu' },
      ...block('fc3_relu', 'bn3'), { op: 'relu' }, ...block('output_softmax', 'bn4'), { op: 'softmax' },
    ];
    expect(await maxErrorAgainstReference('keras/KERAS_3layer_batch_norm.json', 'keras/KERAS_3layer_batch_norm_weights.h5', ops)).toBeLessThan(1e-5);
  });

  it('qkeras_3layer (quantized_bits(6,0,alpha=1) weights, quantized_relu(6,0)) matches QKeras inference within 1e-5', async () => {
    const q = { kernel: quantizedBits(6, 0), bias: quantizedBits(6, 0) };
    const act: Op = { op: 'map', f: quantizedRelu(6, 0) };
    const ops: Op[] = [
      { op: 'dense', name: 'fc1', quant: q }, act, { op: 'dense', name: 'fc2', quant: q }, act,
      { op: 'dense', name: 'fc3', quant: q }, act, { op: 'dense', name: 'output', quant: q }, { op: 'softmax' },
    ];
    expect(await maxErrorAgainstReference('keras/qkeras_3layer.json', 'keras/qkeras_3layer_weights.h5', ops)).toBeLessThan(1e-5);
  });

  it('qkeras_mnist_dense (quantized_po2 kernel, symmetric quantized_bits, quantized_relu(2) input) matches QKeras inference within 1e-5', async () => {
    const ops: Op[] = [
      { op: 'map', f: quantizedRelu(2, 0) },
      { op: 'dense', name: 'q_dense_2', quant: { kernel: quantizedPo2(4, 1), bias: quantizedBits(2, 0, 1) } },
      { op: 'map', f: quantizedRelu(3, 1) },
      { op: 'dense', name: 'q_dense_3', quant: { kernel: quantizedBits(4, 0, 1), bias: quantizedBits(4, 0, 1) } },
      { op: 'softmax' },
    ];
    expect(await maxErrorAgainstReference('keras/qkeras_mnist_dense.json', 'keras/qkeras_mnist_dense_weights.h5', ops)).toBeLessThan(1e-5);
  });
});

describe.skipIf(!hasShared)('shared Keras models hlsforge cannot translate yet give one catalogued error', () => {
  it('refuses the custom BinaryDense of KERAS_3layer_binary_smaller naming the class, the layer and what is supported', () => {
    const file = M('keras/KERAS_3layer_binary_smaller.json');
    const e = thrown(() => loadKeras(file, P));
    expect(e.code).toBe('unsupported-layer');
    expect(e.message).toMatch(new RegExp(`^${file}: layer 'fc1' \\(BinaryDense\\): unsupported layer class: the class must be one hlsforge translates, not 'BinaryDense'; supported: InputLayer, Dense, QDense, Activation, QActivation, ReLU, LeakyReLU, Softmax, PReLU, ELU, ThresholdedReLU, Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot, BatchNormalization, QBatchNormalization, Flatten, Reshape, Permute, Dropout`));
  });
});

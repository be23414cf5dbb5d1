import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { ready, values, writeFullH5, writeKeras2Weights, writeKeras3, writeTfjs } from './fixtures.ts';
import { tempDirForFile, tempDirForTest } from '../../helpers/temp.ts';
import { KERAS2_WEIGHTS, KERAS3_VARS, keras3Model, LAYER_NAMES, MODEL, reference, TFJS_GROUPS } from './model.ts';

const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };
const dir = tempDirForFile('keras');
const N = 50;
const X = Float64Array.from(values(N * 6, 99).map((v) => 2 * v));

const floatOut = (g: Graph) => emulate(g, X, N, { mode: 'float' }).output;

beforeAll(async () => {
  await ready();
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(MODEL));
  writeKeras2Weights(join(dir, 'tiny_weights.h5'), KERAS2_WEIGHTS, LAYER_NAMES);
  writeFullH5(join(dir, 'tiny.h5'), MODEL, KERAS2_WEIGHTS, LAYER_NAMES);
  writeKeras3(join(dir, 'tiny.keras'), keras3Model(), KERAS3_VARS);
});

describe('Keras model files in every format', () => {
  it('translates a functional model with a nested Sequential, split activations, Dropout, Reshape and Flatten', () => {
    const g = loadKeras(join(dir, 'tiny.json'), P);
    verifyGraph(g);
    expect(g.layers.map((l) => `${l.name}:${l.kind}[${l.shape}]`)).toEqual([
      'input_1:input[2,3]', 'flat:reshape[6]', 'd1:dense[4]', 'd1_relu:relu[4]', 'd2:dense[3]', 'bn:batchnorm[3]',
      'drop:identity[3]', 'rs:reshape[3,1]', 'flat2:reshape[3]', 'lrelu:leaky_relu[3]', 'd3:dense[2]', 'd3_softmax:softmax[2]',
    ]);
    expect(g.outputs).toEqual(['d3_softmax']);
  });

  it('computes in float what an independent evaluation of the Keras model computes (JSON + weights .h5)', () => {
    const y = floatOut(loadKeras(join(dir, 'tiny.json'), P));
    for (let s = 0; s < N; s++) {
      const want = reference(X.subarray(6 * s, 6 * s + 6));
      for (let j = 0; j < 2; j++) expect(Math.abs(y[2 * s + j] - want[j])).toBeLessThan(1e-12);
    }
  });

  it('reads the same model from a full-model .h5, a Keras 3 .keras zip and a TensorFlow.js model.json', () => {
    const want = floatOut(loadKeras(join(dir, 'tiny.json'), P));
    const tfjsDir = tempDirForTest('keras');
    const tfjs = writeTfjs(tfjsDir, MODEL, TFJS_GROUPS);
    for (const file of [join(dir, 'tiny.h5'), join(dir, 'tiny.keras'), tfjs]) {
      const g = loadKeras(file, P);
      verifyGraph(g);
      expect(Array.from(floatOut(g)), file).toEqual(Array.from(want));
    }
  });

  it('takes the weights file named by KerasH5 over the default one beside the JSON', () => {
    const other = join(dir, 'other.h5');
    const scaled = structuredClone(KERAS2_WEIGHTS);
    scaled.d3['d3/bias:0'] = { shape: [2], data: [5, -5] };
    writeKeras2Weights(other, scaled, LAYER_NAMES);
    const y = floatOut(loadKeras(join(dir, 'tiny.json'), { ...P, weights: other }));
    expect(y[0]).toBeGreaterThan(0.99); // the bias 5 vs −5 dominates the softmax
  });
});

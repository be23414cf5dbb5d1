import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { sequential, tensor, type Spec } from './cnn-fixtures.ts';
import { ready, writeKeras3, writeTfjs } from './fixtures.ts';
import { tempDirForFile, tempDirForTest } from '../../helpers/temp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

/** A small CNN on [8, 8, 2] using every weighted convolution class; Keras 2 names its variables. */
const LAYERS: Spec[] = [
  { class_name: 'Conv2D', config: { filters: 3, kernel_size: [3, 3], padding: 'same', activation: 'relu' } },
  { class_name: 'DepthwiseConv2D', config: { kernel_size: [3, 3], depth_multiplier: 2, strides: [2, 2], padding: 'valid' } },
  { class_name: 'SeparableConv2D', config: { filters: 4, kernel_size: [2, 2], padding: 'same' } },
  { class_name: 'MaxPooling2D', config: { pool_size: [2, 2] } },
  { class_name: 'Flatten', config: {} },
];
const V = {
  conv: { kernel: tensor([3, 3, 2, 3], 1), bias: tensor([3], 2) },
  dw: { kernel: tensor([3, 3, 3, 2], 3), bias: tensor([6], 4) },
  sep: { depthwise_kernel: tensor([2, 2, 6, 1], 5), pointwise_kernel: tensor([1, 1, 6, 4], 6), bias: tensor([4], 7) },
};
const KERAS2_VARS = { l0: V.conv, l1: { depthwise_kernel: V.dw.kernel, bias: V.dw.bias }, l2: V.sep };

/** Keras 3's config.json of the same model: `module` fields and `batch_shape`; tuples as lists. */
const keras3Model = () => ({
  module: 'keras', class_name: 'Sequential',
  config: {
    name: 'cnn',
    layers: [
      { module: 'keras.layers', class_name: 'InputLayer', config: { name: 'x', batch_shape: [null, 8, 8, 2] } },
      ...LAYERS.map((l, i) => ({ module: 'keras.layers', class_name: l.class_name, config: { name: `l${i}`, data_format: 'channels_last', ...l.config } })),
    ],
  },
});
/** Keras 3 saves each layer's variables by position under layers/<snake_case class>; DepthwiseConv2D's kernel is `kernel`. */
const KERAS3_VARS = {
  'layers/conv2d': [V.conv.kernel, V.conv.bias],
  'layers/depthwise_conv2d': [V.dw.kernel, V.dw.bias],
  'layers/separable_conv2d': [V.sep.depthwise_kernel, V.sep.pointwise_kernel, V.sep.bias],
};

/** What the model means, independent of the file: names, kinds, shapes, attributes and weights (not origins). */
const meaning = (g: Graph) => g.layers.map(({ origin: _o, ...l }) => JSON.stringify(l, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v)));

describe('a CNN reads the same from Keras 2 JSON + .h5, a Keras 3 .keras zip and TensorFlow.js', () => {
  it('gives identical layers and weights in all three formats', () => {
    const k2 = loadKeras(sequential(dir, 'cnn', [8, 8, 2], LAYERS, KERAS2_VARS), P);
    verifyGraph(k2);
    expect(k2.layers.map((l) => `${l.name}:${l.kind}[${l.shape}]`)).toEqual([
      'x:input[8,8,2]', 'l0:conv[8,8,3]', 'l0_relu:relu[8,8,3]', 'l1:depthwise_conv[3,3,6]', 'l2_depthwise:depthwise_conv[3,3,6]', 'l2:conv[3,3,4]',
      'l3:pool[1,1,4]', 'l4:reshape[4]',
    ]);
    const keras = join(dir, 'cnn.keras');
    writeKeras3(keras, keras3Model(), KERAS3_VARS);
    const k3 = loadKeras(keras, P);
    verifyGraph(k3);
    const tfjsDir = tempDirForTest('keras');
    const manifest = [Object.entries(KERAS2_VARS).flatMap(([layer, vars]) => Object.entries(vars).map(([v, t]) => ({ name: `${layer}/${v}`, ...t })))];
    const tfjs = loadKeras(writeTfjs(tfjsDir, JSON.parse(JSON.stringify({ class_name: 'Sequential', config: keras3Model().config, keras_version: '2.13.1' })), manifest), P);
    expect(meaning(tfjs)).toEqual(meaning(k2));
    expect(meaning(k3)).toEqual(meaning(k2));
  });
});

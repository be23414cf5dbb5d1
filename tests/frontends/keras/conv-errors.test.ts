import { beforeAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { thrown } from '../../helpers/thrown.ts';
import { sequential, tensor, type LayerVars, type Spec } from './cnn-fixtures.ts';
import { ready } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

const conv2d = (config: Record<string, unknown>): Spec => ({ class_name: 'Conv2D', config: { filters: 2, kernel_size: [3, 3], ...config } });
const K = { l0: { kernel: tensor([3, 3, 1, 2], 1), bias: tensor([2], 2) } };

// [title, input shape, layer, weights, code, detail after "<file>: layer 'l0' (<class>): <code text>: "]
const CASES: [string, number[], Spec, LayerVars, string, string][] = [
  ['a Conv2D with data_format "NHWC"', [5, 5, 1], conv2d({ data_format: 'NHWC' }), {}, 'unsupported-attribute',
    'data_format must be "channels_last" or "channels_first", not "NHWC"'],
  ['a grouped Conv2D', [5, 5, 2], conv2d({ groups: 2 }), {}, 'unsupported-attribute',
    'groups must be 1, not 2 (a grouped convolution is not supported; use DepthwiseConv for groups = channels)'],
  ["a Conv2D with padding 'causal'", [5, 5, 1], conv2d({ padding: 'causal' }), K, 'unsupported-attribute', 'padding must be "valid" or "same", not "causal"'],
  ['a Conv2D on a 1-D input', [5, 1], conv2d({}), K, 'shape-mismatch', 'the input must be [rows, cols, channels], not [5, 1]'],
  ['a Conv1D whose kernel_size has two values', [5, 1], { class_name: 'Conv1D', config: { filters: 1, kernel_size: [3, 3] } }, {}, 'unsupported-attribute',
    'kernel_size must be an integer ≥ 1, not [3,3]'],
  ['a valid Conv2D whose dilated kernel is larger than the input', [4, 4, 1], conv2d({ dilation_rate: [2, 1] }), K, 'shape-mismatch',
    'the input [4, 4] must be at least as large as the window [5, 3] (padding "valid"), not smaller'],
  ['a Conv2D without filters', [5, 5, 1], { class_name: 'Conv2D', config: { kernel_size: [3, 3] } }, {}, 'unsupported-attribute', 'filters must be a positive integer, not undefined'],
  ['bilinear UpSampling2D', [2, 2, 1], { class_name: 'UpSampling2D', config: { size: [2, 2], interpolation: 'bilinear' } }, {}, 'unsupported-attribute',
    'interpolation must be "nearest", not "bilinear"'],
  ['Cropping2D that leaves nothing', [3, 4, 1], { class_name: 'Cropping2D', config: { cropping: [[2, 1], [0, 0]] } }, {}, 'shape-mismatch',
    'cropping [2,0] before and [1,0] after must leave at least 1 of the input [3, 4], not [0, 4]'],
  ['ZeroPadding2D with three amounts', [3, 4, 1], { class_name: 'ZeroPadding2D', config: { padding: [1, 2, 3] } }, {}, 'unsupported-attribute',
    'padding must be an integer ≥ 0, a pair [rows, cols] or [[top, bottom], [left, right]], not [1,2,3]'],
  ['MaxPooling2D with padding "full"', [4, 4, 1], { class_name: 'MaxPooling2D', config: { padding: 'full' } }, {}, 'unsupported-attribute', 'padding must be "valid" or "same", not "full"'],
  ['a channels_first Conv2D on a 1-D input', [1, 5], conv2d({ data_format: 'channels_first' }), {}, 'shape-mismatch',
    'the input must be [rows, cols, channels], not [5, 1]'],
  ['a Conv2D kernel of the wrong shape in the weights file', [5, 5, 2], conv2d({}), K, 'shape-mismatch',
    "variable 'kernel' must have shape [3, 3, 2, 2] (from the model config), not [3, 3, 1, 2]"],
  ['a DepthwiseConv2D without its depthwise_kernel', [5, 5, 1], { class_name: 'DepthwiseConv2D', config: { kernel_size: [3, 3] } }, { l0: { bias: tensor([1], 3) } }, 'missing-weights',
    "variable 'depthwise_kernel' [3, 3, 1, 1] must be in the weights file, not absent"],
  ['QAveragePooling2D whose average_quantizer rounds 1/9', [6, 6, 1], { class_name: 'QAveragePooling2D', config: { pool_size: [3, 3], average_quantizer: 'quantized_bits(4,0,alpha=1)' } }, {},
    'unsupported-quantizer', 'average_quantizer quantized_bits(4,0,alpha=1) must keep 1/9 exact (the average is one rounding of the exact mean), not round it to 0.125'],
  ['Dense on a 4-D input', [2, 2, 2, 3], { class_name: 'Dense', config: { units: 2 } }, {}, 'shape-mismatch',
    'the input must be [n], [steps, n] or [rows, cols, n], not [2, 2, 2, 3] (Dense on the last axis of a tensor with more axes is not supported)'],
];

describe('unsupported convolution-family options give one catalogued error naming the layer', () => {
  CASES.forEach(([title, input, spec, vars, code, detail], i) => {
    it(`refuses ${title}`, () => {
      const file = sequential(dir, `bad${i}`, input, [spec], vars);
      const e = thrown(() => loadKeras(file, P));
      expect(e.code).toBe(code);
      expect(e.detail).toBe(detail);
      // problems with a variable name the weights file, the others the model
      const where = detail.startsWith('variable') ? file.replace(/\.json$/, '_weights.h5') : file;
      expect(e.message).toContain(`${where}: layer 'l0' (${spec.class_name}): `);
    });
  });

  it('refuses Conv2DTranspose as not supported yet, naming the missing IR kind', () => {
    const file = sequential(dir, 'transpose', [4, 4, 1], [{ class_name: 'Conv2DTranspose', config: { filters: 1, kernel_size: [2, 2] } }]);
    const e = thrown(() => loadKeras(file, P));
    expect(e.code).toBe('unsupported-layer');
    expect(e.detail).toMatch(/^layer class 'Conv2DTranspose' is not supported yet: it needs the IR layer kind 'conv_transpose', which is still being added; supported: InputLayer, .*Conv2D, .*UpSampling2D/);
  });
});

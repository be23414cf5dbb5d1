import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { compile } from '../../../src/pipeline.ts';
import { sequential, tensor, type Spec } from './cnn-fixtures.ts';
import { ready, values, writeKeras2Weights } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { conv, crop, depthwise, globalPool, map, pool, tensorOf, upsample, zeroPad, type T } from './reference-cnn.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };
const N = 20;

/** float emulation of the model vs the reference, sample by sample: the largest difference */
function maxError(file: string, input: number[], reference: (x: T) => T): number {
  const g = loadKeras(file, P);
  verifyGraph(g);
  const width = input.reduce((a, b) => a * b, 1);
  const x = Float64Array.from(values(N * width, 77), (v) => 3 * v);
  const y = emulate(g, x, N, { mode: 'float' }).output;
  const out = y.length / N;
  let err = 0;
  for (let s = 0; s < N; s++) {
    const want = reference(tensorOf(input, x.subarray(s * width, (s + 1) * width))).data;
    expect(want.length).toBe(out);
    for (let j = 0; j < out; j++) err = Math.max(err, Math.abs(y[s * out + j] - want[j]));
  }
  return err;
}

describe('Keras convolution-family models compute in float what Keras defines (independent loops)', () => {
  it('a 2-D chain of Conv2D (same, stride 2, relu), ZeroPadding2D, DepthwiseConv2D, AveragePooling2D (same), UpSampling2D, Cropping2D, SeparableConv2D, MaxPooling2D (same), GlobalAveragePooling2D', () => {
    const W = {
      c: { kernel: tensor([3, 3, 2, 3], 1), bias: tensor([3], 2) },
      d: { depthwise_kernel: tensor([2, 2, 3, 2], 3), bias: tensor([6], 4) },
      s: { depthwise_kernel: tensor([3, 3, 6, 1], 5), pointwise_kernel: tensor([1, 1, 6, 4], 6), bias: tensor([4], 7) },
    };
    const layers: Spec[] = [
      { class_name: 'Conv2D', config: { filters: 3, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' } },
      { class_name: 'ZeroPadding2D', config: { padding: [[1, 0], [2, 1]] } },
      { class_name: 'DepthwiseConv2D', config: { kernel_size: [2, 2], depth_multiplier: 2 } },
      { class_name: 'AveragePooling2D', config: { pool_size: [2, 2], padding: 'same' } },
      { class_name: 'UpSampling2D', config: { size: [2, 1] } },
      { class_name: 'Cropping2D', config: { cropping: [[1, 1], [0, 1]] } },
      { class_name: 'SeparableConv2D', config: { filters: 4, kernel_size: [3, 3], padding: 'same' } },
      { class_name: 'MaxPooling2D', config: { pool_size: [3, 3], strides: [1, 1], padding: 'same' } },
      { class_name: 'GlobalAveragePooling2D', config: {} },
    ];
    const file = sequential(dir, 'chain2d', [9, 8, 2], layers, { l0: W.c, l2: W.d, l6: W.s });
    const reference = (x: T): T => {
      let h = map(conv(x, { k: [3, 3], s: [2, 2], padding: 'same' }, W.c.kernel.data, W.c.bias.data), (v) => Math.max(v, 0));
      h = zeroPad(h, [[1, 0], [2, 1]]);
      h = depthwise(h, { k: [2, 2] }, 2, W.d.depthwise_kernel.data, W.d.bias.data);
      h = pool(h, { k: [2, 2], padding: 'same' }, 'average');
      h = crop(upsample(h, [2, 1]), [[1, 1], [0, 1]]);
      h = depthwise(h, { k: [3, 3], padding: 'same' }, 1, W.s.depthwise_kernel.data, []);
      h = conv(h, { k: [1, 1] }, W.s.pointwise_kernel.data, W.s.bias.data);
      h = pool(h, { k: [3, 3], s: [1, 1], padding: 'same' }, 'max');
      return globalPool(h, 'average');
    };
    expect(maxError(file, [9, 8, 2], reference)).toBeLessThan(1e-12);
  });

  it('Dense on [steps, n] and on [rows, cols, n] acts on the last axis at every position (a 1×1 conv), then its activation', () => {
    for (const input of [[5, 3], [3, 4, 3]]) {
      const W = { kernel: tensor([3, 2], 21), bias: tensor([2], 22) };
      const file = sequential(dir, `dense${input.length}d`, input, [{ class_name: 'Dense', config: { units: 2, activation: 'relu' } }], { l0: W });
      expect(loadKeras(file, P).layers.slice(1).map((l) => [l.name, l.kind, l.shape])).toEqual([['l0', 'conv', [...input.slice(0, -1), 2]], ['l0_relu', 'relu', [...input.slice(0, -1), 2]]]);
      const reference = (x: T): T => {
        const data: number[] = [];
        for (let p = 0; p < x.h * x.w; p++)
          for (let j = 0; j < 2; j++) data.push(Math.max(0, x.data.slice(3 * p, 3 * p + 3).reduce((s, v, i) => s + v * W.kernel.data[2 * i + j], W.bias.data[j])));
        return { ...x, c: 2, data };
      };
      expect(maxError(file, input, reference)).toBeLessThan(1e-12);
    }
  });

  it('a channels_first model (Conv2D, BatchNormalization axis 1, MaxPooling2D, Flatten, Dense) computes what Keras does, and only the input transpose stays after the passes', () => {
    const W = {
      c: { kernel: tensor([3, 3, 2, 3], 31), bias: tensor([3], 32) },
      bn: { gamma: tensor([3], 33), beta: tensor([3], 34), moving_mean: tensor([3], 35), moving_variance: { shape: [3], data: values(3, 36).map((v) => Math.fround(Math.abs(v) + 0.5)) } },
      d: { kernel: tensor([12, 2], 37), bias: tensor([2], 38) },
    };
    const cf = { data_format: 'channels_first' };
    const layers: Spec[] = [
      { class_name: 'Conv2D', config: { filters: 3, kernel_size: [3, 3], padding: 'same', activation: 'relu', ...cf } },
      { class_name: 'BatchNormalization', config: { axis: 1, epsilon: 0.001 } },
      { class_name: 'MaxPooling2D', config: { pool_size: [2, 2], ...cf } },
      { class_name: 'Flatten', config: cf },
      { class_name: 'Dense', config: { units: 2 } },
    ];
    const file = sequential(dir, 'channels_first', [2, 4, 5], layers, { l0: W.c, l1: W.bn, l4: W.d });
    const reference = (x: T): T => {
      // the input [2, 4, 5] is channels-first: x[c][i][j]; the reference computes channels-last
      const data: number[] = [];
      for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) for (let c = 0; c < 2; c++) data.push(x.data[(c * 4 + i) * 5 + j]);
      let h = map(conv({ h: 4, w: 5, c: 2, data }, { k: [3, 3], padding: 'same' }, W.c.kernel.data, W.c.bias.data), (v) => Math.max(v, 0));
      const bn = W.bn;
      h = { ...h, data: h.data.map((v, k) => ((v - bn.moving_mean.data[k % 3]) / Math.sqrt(bn.moving_variance.data[k % 3] + 0.001)) * bn.gamma.data[k % 3] + bn.beta.data[k % 3]) };
      h = pool(h, { k: [2, 2] }, 'max');
      return { h: 1, w: 1, c: 2, data: W.d.bias.data.map((b, o) => h.data.reduce((s, v, i) => s + v * W.d.kernel.data[2 * i + o], b)) };
    };
    expect(maxError(file, [2, 4, 5], reference)).toBeLessThan(1e-12);
    const g = compile({ model: file }).graph;
    expect(g.layers.filter((l) => l.kind === 'transpose').map((l) => l.inputs)).toEqual([['x']]);
  });

  it('a functional residual block (Conv2D, Conv2D, Add, Concatenate on channels, GlobalMaxPooling2D) computes what Keras does', () => {
    const W = { a: { kernel: tensor([3, 3, 2, 2], 41), bias: tensor([2], 42) }, b: { kernel: tensor([1, 1, 2, 2], 43), bias: tensor([2], 44) } };
    const ref = (n: string) => [[[n, 0, 0, {}]]];
    const layer = (class_name: string, name: string, config: Record<string, unknown>, inbound: string[]) =>
      ({ class_name, name, config: { name, ...config }, inbound_nodes: inbound.length ? [inbound.map((n) => ref(n)[0][0])] : [] });
    const file = join(dir, 'residual.json');
    writeFileSync(file, JSON.stringify({
      class_name: 'Functional', keras_version: '2.13.1',
      config: {
        name: 'residual', input_layers: [['x', 0, 0]], output_layers: [['gmp', 0, 0]],
        layers: [
          layer('InputLayer', 'x', { batch_input_shape: [null, 6, 5, 2] }, []),
          layer('Conv2D', 'a', { filters: 2, kernel_size: [3, 3], padding: 'same', activation: 'relu' }, ['x']),
          layer('Conv2D', 'b', { filters: 2, kernel_size: [1, 1] }, ['a']),
          layer('Add', 'add', {}, ['x', 'b']),
          layer('Concatenate', 'cat', { axis: -1 }, ['add', 'a']),
          layer('GlobalMaxPooling2D', 'gmp', {}, ['cat']),
        ],
      },
    }));
    writeKeras2Weights(join(dir, 'residual_weights.h5'), { a: { 'a/kernel:0': W.a.kernel, 'a/bias:0': W.a.bias }, b: { 'b/kernel:0': W.b.kernel, 'b/bias:0': W.b.bias } }, ['x', 'a', 'b', 'add', 'cat', 'gmp']);
    const reference = (x: T): T => {
      const a = map(conv(x, { k: [3, 3], padding: 'same' }, W.a.kernel.data, W.a.bias.data), (v) => Math.max(v, 0));
      const b = conv(a, { k: [1, 1] }, W.b.kernel.data, W.b.bias.data);
      const data: number[] = [];
      for (let p = 0; p < 30; p++) data.push(x.data[2 * p] + b.data[2 * p], x.data[2 * p + 1] + b.data[2 * p + 1], a.data[2 * p], a.data[2 * p + 1]);
      return globalPool({ h: 6, w: 5, c: 4, data }, 'max');
    };
    expect(maxError(file, [6, 5, 2], reference)).toBeLessThan(1e-12);
  });

  it('a 1-D chain of Conv1D (causal, dilation 2), MaxPooling1D, ZeroPadding1D, DepthwiseConv1D (same, stride 2), UpSampling1D, Cropping1D, SeparableConv1D, AveragePooling1D (same), GlobalMaxPooling1D', () => {
    const W = {
      c: { kernel: tensor([3, 3, 4], 11), bias: tensor([4], 12) },
      d: { depthwise_kernel: tensor([3, 4, 1], 13), bias: tensor([4], 14) },
      s: { depthwise_kernel: tensor([2, 4, 1], 15), pointwise_kernel: tensor([1, 4, 2], 16), bias: tensor([2], 17) },
    };
    const layers: Spec[] = [
      { class_name: 'Conv1D', config: { filters: 4, kernel_size: [3], dilation_rate: [2], padding: 'causal' } },
      { class_name: 'MaxPooling1D', config: { pool_size: [2] } },
      { class_name: 'ZeroPadding1D', config: { padding: [1, 2] } },
      { class_name: 'DepthwiseConv1D', config: { kernel_size: 3, strides: 2, padding: 'same' } },
      { class_name: 'UpSampling1D', config: { size: 2 } },
      { class_name: 'Cropping1D', config: { cropping: [2, 1] } },
      { class_name: 'SeparableConv1D', config: { filters: 2, kernel_size: [2] } },
      { class_name: 'AveragePooling1D', config: { pool_size: [3], strides: [1], padding: 'same' } },
      { class_name: 'GlobalMaxPooling1D', config: {} },
    ];
    const file = sequential(dir, 'chain1d', [12, 3], layers, { l0: W.c, l3: W.d, l6: W.s });
    const reference = (x: T): T => {
      let h = conv(x, { k: [1, 3], d: [1, 2], padding: 'causal' }, W.c.kernel.data, W.c.bias.data);
      h = zeroPad(pool(h, { k: [1, 2] }, 'max'), [[0, 0], [1, 2]]);
      h = depthwise(h, { k: [1, 3], s: [1, 2], padding: 'same' }, 1, W.d.depthwise_kernel.data, W.d.bias.data);
      h = crop(upsample(h, [1, 2]), [[0, 0], [2, 1]]);
      h = depthwise(h, { k: [1, 2] }, 1, W.s.depthwise_kernel.data, []);
      h = conv(h, { k: [1, 1] }, W.s.pointwise_kernel.data, W.s.bias.data);
      h = pool(h, { k: [1, 3], s: [1, 1], padding: 'same' }, 'average');
      return globalPool(h, 'max');
    };
    expect(maxError(file, [12, 3], reference)).toBeLessThan(1e-12);
  });
});

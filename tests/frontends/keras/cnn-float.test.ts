import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { sequential, tensor, type Spec } from './cnn-fixtures.ts';
import { ready, tempDir, values } from './fixtures.ts';
import { conv, crop, depthwise, globalPool, map, pool, tensorOf, upsample, zeroPad, type T } from './reference-cnn.ts';

const dir = tempDir();
beforeAll(ready);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

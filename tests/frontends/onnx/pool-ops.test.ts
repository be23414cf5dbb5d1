import { describe, expect, it } from 'vitest';
import { int, ints, str } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf } from './helpers.ts';
import { expectOrtAgrees, oneOp, type Init } from './window-oracle.ts';

describe('ONNX pooling against onnxruntime', () => {
  it('translates MaxPool 2×2 stride 2 into a max pool between transposes', async () => {
    const g = await expectOrtAgrees(oneOp('MaxPool', [3, 6, 5], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }));
    expect(kinds(g)).toEqual(['input', 'transpose', 'pool', 'transpose']);
    const p = layerOf(g, 'op', 'pool');
    expect([p.op, p.shape, p.countPad]).toEqual(['max', [3, 2, 3], false]);
  });

  it('never lets a padding tap win a maximum, with dilations (opset 12)', async () => {
    const attrs = { kernel_shape: ints([3, 2]), strides: ints([2, 1]), pads: ints([1, 1, 2, 0]), dilations: ints([1, 2]) };
    const g = await expectOrtAgrees(oneOp('MaxPool', [2, 7, 6], attrs, [], 12));
    expect(layerOf(g, 'op', 'pool').dilations).toEqual([1, 2]);
  });

  it('accepts ceil_mode 1 where the window tiles the input exactly', async () => {
    await expectOrtAgrees(oneOp('MaxPool', [1, 6, 6], { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) }));
  });

  it('translates a 1-D MaxPool with SAME_UPPER padding', async () => {
    const g = await expectOrtAgrees(oneOp('MaxPool', [2, 9], { kernel_shape: ints([4]), strides: ints([2]), auto_pad: str('SAME_UPPER') }));
    expect(layerOf(g, 'op', 'pool').shape).toEqual([5, 2]);
  });

  for (const countPad of [0, 1]) {
    it(`averages with count_include_pad = ${countPad}`, async () => {
      const attrs = { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]), count_include_pad: int(countPad) };
      const g = await expectOrtAgrees(oneOp('AveragePool', [2, 5, 6], attrs));
      expect(layerOf(g, 'op', 'pool')).toMatchObject({ op: 'average', countPad: countPad === 1 });
    });
  }

  it('averages with SAME_LOWER padding, which count_include_pad 0 leaves out of the count', async () => {
    await expectOrtAgrees(oneOp('AveragePool', [1, 5, 5], { kernel_shape: ints([2, 2]), auto_pad: str('SAME_LOWER') }));
  });

  for (const op of ['GlobalMaxPool', 'GlobalAveragePool']) {
    it(`translates ${op} into one window over the whole image, keeping 1×1 spatial axes`, async () => {
      const g = await expectOrtAgrees(oneOp(op, [4, 3, 5]));
      expect(layerOf(g, 'op', 'pool')).toMatchObject({ kernel: [3, 5], shape: [1, 1, 4] });
      expect(g.layers.at(-1)!.shape).toEqual([4, 1, 1]);
    });
  }
});

describe('ONNX BatchNormalization on N-D tensors against onnxruntime', () => {
  it('applies per-channel scale and shift on axis 1 of [batch, C, H, W]', async () => {
    const inits: Init[] = [['s', [3], [0.5, -1, 2]], ['b', [3], [0.1, 0.2, -0.3]], ['m', [3], [0.3, -0.2, 0]], ['v', [3], [1, 0.25, 4]]];
    const g = await expectOrtAgrees(oneOp('BatchNormalization', [3, 2, 4], {}, inits));
    expect(kinds(g)).toEqual(['input', 'transpose', 'batchnorm', 'transpose']);
  });
});

import { describe, expect, it } from 'vitest';
import { int, ints, str } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf, ramp } from './helpers.ts';
import { expectOrtAgrees, oneOp, type Init } from './window-oracle.ts';

const weights = (dims: number[]): Init => ['W', dims, ramp(dims.reduce((a, b) => a * b, 1), 3)];
const bias = (n: number): Init => ['B', [n], ramp(n, 5)];

describe('ONNX Conv (channels-first) against onnxruntime', () => {
  it('translates a 3×3 convolution with bias into transpose → conv → transpose with [taps][in][out] weights', async () => {
    const g = await expectOrtAgrees(oneOp('Conv', [2, 5, 6], {}, [weights([3, 2, 3, 3]), bias(3)]));
    expect(kinds(g)).toEqual(['input', 'transpose', 'conv', 'transpose']);
    const c = layerOf(g, 'op', 'conv');
    expect([c.nIn, c.nOut, c.shape, c.kernel, c.padBegin, c.padEnd]).toEqual([2, 3, [3, 4, 3], [3, 3], [0, 0], [0, 0]]);
    expect(g.layers[3].shape).toEqual([3, 3, 4]);
  });

  it('follows strides, dilations and asymmetric explicit pads', async () => {
    const attrs = { strides: ints([2, 1]), dilations: ints([1, 2]), pads: ints([1, 0, 2, 1]) };
    const g = await expectOrtAgrees(oneOp('Conv', [2, 7, 8], attrs, [weights([4, 2, 3, 2]), bias(4)]));
    const c = layerOf(g, 'op', 'conv');
    expect([c.strides, c.dilations, c.padBegin, c.padEnd, c.shape]).toEqual([[2, 1], [1, 2], [1, 0], [2, 1], [4, 7, 4]]);
  });

  for (const autoPad of ['SAME_UPPER', 'SAME_LOWER', 'VALID']) {
    it(`pads by auto_pad ${autoPad} with an even kernel and stride 2`, async () => {
      const attrs = { auto_pad: str(autoPad), strides: ints([2, 2]) };
      const g = await expectOrtAgrees(oneOp('Conv', [1, 7, 6], attrs, [weights([2, 1, 4, 3])]));
      const c = layerOf(g, 'op', 'conv');
      const expected = { SAME_UPPER: [[1, 0], [2, 1]], SAME_LOWER: [[2, 1], [1, 0]], VALID: [[0, 0], [0, 0]] }[autoPad]!;
      expect([c.padBegin, c.padEnd]).toEqual(expected);
    });
  }

  it('translates a 1-D convolution on [batch, C, L]', async () => {
    const g = await expectOrtAgrees(oneOp('Conv', [3, 9], { pads: ints([2, 1]), strides: ints([2]) }, [weights([2, 3, 4]), bias(2)]));
    expect(layerOf(g, 'op', 'conv').shape).toEqual([5, 2]);
  });

  it('makes group = channels a depthwise convolution with multiplier filters per channel', async () => {
    const g = await expectOrtAgrees(oneOp('Conv', [3, 5, 5], { group: int(3), pads: ints([1, 1, 1, 1]) }, [weights([6, 1, 3, 3]), bias(6)]));
    const d = layerOf(g, 'op', 'depthwise_conv');
    expect([d.channels, d.multiplier, d.shape]).toEqual([3, 2, [5, 5, 6]]);
  });

  it('makes group = channels = 1 an ordinary convolution', async () => {
    const g = await expectOrtAgrees(oneOp('Conv', [1, 4, 4], { group: int(1) }, [weights([2, 1, 2, 2])]));
    expect(kinds(g)).toContain('conv');
  });
});

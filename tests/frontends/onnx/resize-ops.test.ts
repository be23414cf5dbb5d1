import { describe, expect, it } from 'vitest';
import { float, floats, ints, str } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf } from './helpers.ts';
import { expectOrtAgrees, oneOp } from './window-oracle.ts';

describe('ONNX Pad against onnxruntime', () => {
  it('pads spatial axes with zeros from the pads input (opset 13)', async () => {
    const g = await expectOrtAgrees(oneOp('Pad', [2, 3, 4], {}, [['pads', [8], [0, 0, 1, 2, 0, 0, 3, 0], 'int64']], 13));
    expect(kinds(g)).toEqual(['input', 'transpose', 'pad', 'transpose']);
    expect(layerOf(g, 'op', 'pad')).toMatchObject({ padBegin: [1, 2], padEnd: [3, 0], shape: [7, 6, 2] });
  });

  it('crops with negative pads (a crop layer)', async () => {
    const g = await expectOrtAgrees(oneOp('Pad', [2, 5, 6], {}, [['pads', [8], [0, 0, -1, 0, 0, 0, -2, -3], 'int64']], 13));
    expect(layerOf(g, 'op', 'crop')).toMatchObject({ cropBegin: [1, 0], cropEnd: [2, 3], shape: [2, 3, 2] });
  });

  it('reads pads and value from attributes in opset 9', async () => {
    const g = await expectOrtAgrees(oneOp('Pad', [2, 5], { pads: ints([0, 0, 2, 0, 0, 1]), value: float(0) }, [], 9));
    expect(layerOf(g, 'op', 'pad')).toMatchObject({ padBegin: [2], padEnd: [1] });
  });

  it('pads a channels-last tensor directly when axis 1 is padded and the last axis is not', async () => {
    const g = await expectOrtAgrees(oneOp('Pad', [3, 4, 2], {}, [['pads', [8], [0, 1, 1, 0, 0, 0, 2, 0], 'int64']], 13));
    expect(kinds(g)).toEqual(['input', 'pad']);
  });
});

describe('ONNX Resize and Upsample (nearest) against onnxruntime', () => {
  it('upsamples by integer scales with asymmetric / floor (opset 13)', async () => {
    const attrs = { mode: str('nearest'), coordinate_transformation_mode: str('asymmetric'), nearest_mode: str('floor') };
    const g = await expectOrtAgrees(oneOp('Resize', [2, 3, 2], attrs, [['roi', [0], []], ['scales', [4], [1, 1, 2, 3]]], 13));
    expect(kinds(g)).toEqual(['input', 'transpose', 'upsample', 'transpose']);
    expect(layerOf(g, 'op', 'upsample')).toMatchObject({ factors: [2, 3], shape: [6, 6, 2] });
  });

  it('upsamples with the default half_pixel / round_prefer_floor mapping, which reads ⌊i/s⌋ too', async () => {
    await expectOrtAgrees(oneOp('Resize', [1, 3, 4], { mode: str('nearest') }, [['roi', [0], []], ['scales', [4], [1, 1, 3, 2]]], 13));
  });

  it('takes sizes instead of scales', async () => {
    const g = await expectOrtAgrees(oneOp('Resize', [2, 2, 3], { mode: str('nearest') }, [['roi', [0], []], ['scales', [0], []], ['sizes', [4], [1, 2, 4, 3], 'int64']], 13));
    expect(layerOf(g, 'op', 'upsample').factors).toEqual([2, 1]);
  });

  it('upsamples a channels-last tensor (scales [1, 2, 2, 1]) without transposes', async () => {
    const g = await expectOrtAgrees(oneOp('Resize', [3, 2, 4], { mode: str('nearest'), nearest_mode: str('floor'), coordinate_transformation_mode: str('asymmetric') }, [['roi', [0], []], ['scales', [4], [1, 2, 2, 1]]], 13));
    expect(kinds(g)).toEqual(['input', 'upsample']);
  });

  it('reads scales from input 1 in opset 10', async () => {
    await expectOrtAgrees(oneOp('Resize', [1, 2, 3], { mode: str('nearest') }, [['scales', [4], [1, 1, 2, 2]]], 10));
  });

  it('translates Upsample (opset 9) with scales as an input', async () => {
    const g = await expectOrtAgrees(oneOp('Upsample', [2, 3], { mode: str('nearest') }, [['scales', [3], [1, 1, 4]]], 9));
    expect(layerOf(g, 'op', 'upsample').factors).toEqual([4]);
  });

  it('translates Upsample (opset 7) with scales as an attribute', async () => {
    const g = await expectOrtAgrees(oneOp('Upsample', [2, 2, 3], { mode: str('nearest'), scales: floats([1, 1, 3, 2]) }, [], 7));
    expect(layerOf(g, 'op', 'upsample').factors).toEqual([3, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { int, ints, OnnxModelBuilder, type AttrValue } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf, ramp } from './helpers.ts';
import { expectOrtAgrees } from './window-oracle.ts';

const CHANNELS_LAST = 'qonnx.custom_op.channels_last';

/** OHWI weights (QONNX channels-last) → OIHW (ONNX) */
function toOihw(w: number[], [m, kh, kw, cg]: number[]): number[] {
  const out = new Array<number>(w.length);
  for (let o = 0; o < m; o++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < cg; c++) out[((o * cg + c) * kh + y) * kw + x] = w[((o * kh + y) * kw + x) * cg + c];
  return out;
}

/**
 * The channels-last node on x [1, H, W, C], and the model onnxruntime can run: the same op in the default domain
 * between transposes to NCHW and back, with the weights in ONNX's order.
 */
function pair(op: string, hwc: number[], attrs: Record<string, AttrValue>, w?: { dims: number[]; bias?: number[] }): [OnnxModelBuilder, OnnxModelBuilder] {
  const values = w ? ramp(w.dims.reduce((a, b) => a * b, 1), 2) : [];
  const ours = new OnnxModelBuilder({ opset: 13 }).input('x', [1, ...hwc]);
  const ort = new OnnxModelBuilder({ opset: 13 }).input('x', [1, ...hwc]);
  const ins = ['x'];
  if (w) {
    ours.initializer('W', w.dims, values);
    ort.initializer('W', [w.dims[0], w.dims[3], w.dims[1], w.dims[2]], toOihw(values, w.dims));
    ins.push('W');
    if (w.bias) (ours.initializer('B', [w.bias.length], w.bias), ort.initializer('B', [w.bias.length], w.bias), ins.push('B'));
  }
  ours.node(op, ins, ['y'], attrs, 'op', CHANNELS_LAST).output('y');
  ort.node('Transpose', ['x'], ['xt'], { perm: ints([0, 3, 1, 2]) }).node(op, ['xt', ...ins.slice(1)], ['yt'], attrs, 'op');
  ort.node('Transpose', ['yt'], ['y'], { perm: ints([0, 2, 3, 1]) }).output('y');
  return [ours, ort];
}

describe("QONNX's channels-last domain against onnxruntime (the same op between transposes)", () => {
  it('translates a channels-last Conv with OHWI weights into one conv layer, no transposes', async () => {
    const g = await expectOrtAgrees(...pair('Conv', [5, 6, 3], { kernel_shape: ints([3, 2]), pads: ints([1, 0, 1, 1]), strides: ints([1, 2]) }, { dims: [4, 3, 2, 3], bias: [0.5, -0.25, 1, 0] }));
    expect(kinds(g)).toEqual(['input', 'conv']);
    expect(layerOf(g, 'op', 'conv')).toMatchObject({ nIn: 3, nOut: 4, shape: [5, 3, 4] });
  });

  it('translates a channels-last depthwise Conv (group = C)', async () => {
    const g = await expectOrtAgrees(...pair('Conv', [4, 4, 3], { group: int(3), kernel_shape: ints([3, 3]), pads: ints([1, 1, 1, 1]) }, { dims: [3, 3, 3, 1] }));
    expect(layerOf(g, 'op', 'depthwise_conv')).toMatchObject({ channels: 3, multiplier: 1, shape: [4, 4, 3] });
  });

  it('translates channels-last MaxPool and AveragePool', async () => {
    for (const op of ['MaxPool', 'AveragePool']) {
      const g = await expectOrtAgrees(...pair(op, [6, 4, 2], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }));
      expect(kinds(g)).toEqual(['input', 'pool']);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { float, int, ints, OnnxModelBuilder, str, type AttrValue } from '../../fixtures/onnx-builder.ts';
import { parse, thrown } from './helpers.ts';
import { oneOp, type Init } from './window-oracle.ts';

const W = (dims: number[]): Init => ['W', dims, new Array(dims.reduce((a, b) => a * b, 1)).fill(0.5)];
const error = (op: string, dims: number[], attrs: Record<string, AttrValue>, inits: Init[] = [], opset = 13): [string, string] => {
  const e = thrown(() => parse(oneOp(op, dims, attrs, inits, opset)));
  return [e.code, e.message];
};

describe('ONNX convolution-family diagnostics', () => {
  it('refuses a grouped Conv that is neither a convolution nor depthwise', () => {
    expect(error('Conv', [4, 5, 5], { group: int(2) }, [W([4, 2, 3, 3])])).toEqual([
      'unsupported-attribute',
      "test.onnx: layer 'op' (Conv): unsupported attribute value: group must be 1 (a convolution) or 4 (depthwise: the input channels), not 2",
    ]);
  });

  it('refuses a Conv on three spatial axes', () => {
    expect(error('Conv', [1, 3, 3, 3], {}, [W([1, 1, 1, 1, 1])])).toEqual([
      'shape-mismatch',
      "test.onnx: layer 'op' (Conv): shape mismatch: the input must have 1 or 2 spatial axes, [batch, C, L] or [batch, C, H, W], not [batch, 1, 3, 3, 3]",
    ]);
  });

  it('refuses weights whose input channels do not match the input', () => {
    expect(error('Conv', [3, 5, 5], {}, [W([2, 2, 3, 3])])[1]).toBe(
      "test.onnx: layer 'op' (Conv): shape mismatch: W (the weights) [2, 2, 3, 3] must have 3 input channels per group and a multiple of 1 filters for input [batch, 3, 5, 5] and group 1",
    );
  });

  it('refuses a window larger than the padded input', () => {
    expect(error('Conv', [1, 2, 2], {}, [W([1, 1, 3, 3])])[1]).toBe(
      "test.onnx: layer 'op' (Conv): shape mismatch: the 3×3 window (dilations [1, 1], pads [0, 0, 0, 0]) must fit the input [batch, 1, 2, 2]",
    );
  });

  it('refuses an unknown auto_pad and strides of the wrong length', () => {
    expect(error('MaxPool', [1, 4, 4], { kernel_shape: ints([2, 2]), auto_pad: str('SAME') })[1]).toBe(
      "test.onnx: layer 'op' (MaxPool): unsupported attribute value: auto_pad must be one of NOTSET, VALID, SAME_UPPER, SAME_LOWER, not 'SAME'",
    );
    expect(error('MaxPool', [1, 4, 4], { kernel_shape: ints([2, 2]), strides: ints([2]) })[1]).toBe(
      "test.onnx: layer 'op' (MaxPool): unsupported attribute value: strides must be 2 integers ≥ 1 (one per spatial axis), not [2]",
    );
  });

  it('refuses ceil_mode 1 where it would round an output extent up', () => {
    expect(error('MaxPool', [1, 5, 5], { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) })[1]).toBe(
      "test.onnx: layer 'op' (MaxPool): unsupported attribute value: ceil_mode must be 0 (or 1 where the window tiles the input exactly), not 1 for input extents [5, 5] (output [2, 2] rounded down)",
    );
  });

  it('refuses Pad modes other than constant 0, pads of both signs, and crops that leave nothing', () => {
    const pads: Init = ['pads', [6], [0, 0, 1, 0, 0, 1], 'int64'];
    expect(error('Pad', [1, 4], { mode: str('reflect') }, [pads])).toEqual(['unsupported-attribute', "test.onnx: layer 'op' (Pad): unsupported attribute value: mode must be 'constant', not 'reflect'"]);
    expect(error('Pad', [1, 4], {}, [pads, ['v', [], [1.5]]])[1]).toBe("test.onnx: layer 'op' (Pad): unsupported attribute value: the constant value must be 0, not 1.5");
    expect(error('Pad', [1, 4], {}, [['pads', [6], [0, 0, -1, 0, 0, 1], 'int64']])[1]).toBe(
      "test.onnx: layer 'op' (Pad): unsupported attribute value: pads must be integers, all ≥ 0 (padding) or all ≤ 0 (cropping), not [0, 0, -1, 0, 0, 1]",
    );
    expect(error('Pad', [1, 4], {}, [['pads', [6], [0, 0, -2, 0, 0, -2], 'int64']])[1]).toBe(
      "test.onnx: layer 'op' (Pad): shape mismatch: pads [0, 0, -2, 0, 0, -2] must leave at least 1 element of every axis of [batch, 1, 4]",
    );
  });

  it('refuses Pad on both channel candidates (axis 1 and the last axis)', () => {
    expect(error('Pad', [2, 4], {}, [['pads', [6], [0, 1, 0, 0, 0, 1], 'int64']])[1]).toBe(
      "test.onnx: layer 'op' (Pad): unsupported attribute value: pads must leave a channel axis (1, or the last one) unchanged, not [0, 1, 0, 0, 0, 1]",
    );
  });

  it('refuses Resize modes other than nearest, fractional scales, and mappings that are not ⌊i/s⌋', () => {
    const scales = (s: number[]): Init[] => [['roi', [0], []], ['scales', [4], s]];
    expect(error('Resize', [1, 2, 2], { mode: str('linear') }, scales([1, 1, 2, 2]))[1]).toBe("test.onnx: layer 'op' (Resize): unsupported attribute value: mode must be 'nearest', not 'linear'");
    expect(error('Resize', [1, 2, 2], {}, scales([1, 1, 1.5, 2]))[1]).toBe(
      "test.onnx: layer 'op' (Resize): unsupported attribute value: scales must be integers ≥ 1 (nearest upsampling), not [1, 1, 1.5, 2]",
    );
    expect(error('Resize', [1, 2, 2], { nearest_mode: str('floor') }, scales([1, 1, 2, 2]))[1]).toBe(
      "test.onnx: layer 'op' (Resize): unsupported attribute value: coordinate_transformation_mode 'half_pixel' with nearest_mode 'floor' must read input ⌊i/2⌋ for every output i (nearest upsampling), not for output 2 of spatial axis 0",
    );
  });

  it('refuses a MaxPool whose indices output is read', () => {
    const m = new OnnxModelBuilder().input('x', [1, 1, 4, 4]).node('MaxPool', ['x'], ['y', 'idx'], { kernel_shape: ints([2, 2]) }, 'op').output('y').output('idx');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['unsupported-topology', "test.onnx: layer 'op' (MaxPool): unsupported graph topology: output 1 (the indices) must be unused, not read by 1 node(s) or graph outputs"]);
  });

  it('refuses a nonzero Pad value given as an attribute (opset 9)', () => {
    expect(error('Pad', [1, 4], { pads: ints([0, 0, 1, 0, 0, 1]), value: float(2) }, [], 9)[1]).toBe("test.onnx: layer 'op' (Pad): unsupported attribute value: the constant value must be 0, not 2");
  });
});

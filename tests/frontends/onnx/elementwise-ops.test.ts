import { describe, expect, it } from 'vitest';
import { OnnxModelBuilder, float, int } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf, parse } from './helpers.ts';

/** x[N, ...dims] → op → y */
function unary(op: string, attrs = {}, opset = 13, dims: number[] = [4]): OnnxModelBuilder {
  return new OnnxModelBuilder({ opset }).input('x', ['N', ...dims]).node(op, ['x'], ['y'], attrs, 'act').output('y');
}

describe('ONNX activations', () => {
  it.each([
    ['Relu', 'relu'],
    ['Sigmoid', 'sigmoid'],
    ['Tanh', 'tanh'],
    ['Softmax', 'softmax'],
  ] as const)('translates %s into a %s layer of the input shape', (op, kind) => {
    const g = parse(unary(op));
    const l = layerOf(g, 'act', kind);
    expect([l.shape, l.inputs, l.origin?.op]).toEqual([[4], ['x'], op]);
    if (l.kind !== 'relu') expect(l.tableSize).toBe(1024);
  });

  it('reads LeakyRelu alpha, defaulting to 0.01 as float32', () => {
    expect(layerOf(parse(unary('LeakyRelu', { alpha: float(0.25) })), 'act', 'leaky_relu').alpha).toBe(0.25);
    expect(layerOf(parse(unary('LeakyRelu')), 'act', 'leaky_relu').alpha).toBe(Math.fround(0.01));
  });

  it('reads Clip bounds from attributes before opset 11 (Clip-6)', () => {
    const c = layerOf(parse(unary('Clip', { min: float(-1), max: float(2.5) }, 10)), 'act', 'clip');
    expect([c.min, c.max, c.origin?.op]).toEqual([-1, 2.5, 'Clip']);
  });

  it('reads Clip bounds from inputs since opset 11 and reports clip(0, 6) as ReLU6', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('lo', [], [0]).initializer('hi', [], [6]);
    m.node('Clip', ['x', 'lo', 'hi'], ['y'], {}, 'act').output('y');
    const c = layerOf(parse(m), 'act', 'clip');
    expect([c.min, c.max, c.origin?.op]).toEqual([0, 6, 'ReLU6']);
  });

  it('leaves a missing Clip bound unbounded', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('hi', [], [1]);
    m.node('Clip', ['x', '', 'hi'], ['y'], {}, 'act').output('y');
    const c = layerOf(parse(m), 'act', 'clip');
    expect([c.min, c.max]).toEqual([-Infinity, 1]);
  });

  it('accepts Softmax without axis before opset 13 on 2-D input (default axis 1 is the last)', () => {
    expect(layerOf(parse(unary('Softmax', {}, 11)), 'act', 'softmax').shape).toEqual([4]);
  });
});

describe('ONNX no-ops and reshapes', () => {
  it('translates Identity and Dropout into identity layers', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
    m.node('Identity', ['x'], ['a'], {}, 'id').node('Dropout', ['a'], ['b', 'mask'], {}, 'drop').output('b');
    const g = parse(m);
    expect(kinds(g)).toEqual(['input', 'identity', 'identity']);
    expect(layerOf(g, 'drop', 'identity').inputs).toEqual(['id']);
  });

  it('translates Flatten into a reshape layer of the flat shape', () => {
    const g = parse(unary('Flatten', {}, 13, [2, 3, 4]));
    expect(layerOf(g, 'act', 'reshape').shape).toEqual([24]);
    expect(g.layers[0].shape).toEqual([2, 3, 4]);
  });

  it('translates Reshape (shape from an initializer or a Constant) into a reshape layer', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 6]).initializer('s', [3], [-1, 2, 3], { dtype: 'int64' });
    m.node('Reshape', ['x', 's'], ['a'], {}, 'unflat');
    m.node('Constant', [], ['s2'], { value: { tensor: { dims: [2], dataType: 7, int64Data: [0, -1] } } }, 'shape');
    m.node('Reshape', ['a', 's2'], ['y'], {}, 'flat').output('y');
    const g = parse(m);
    expect(layerOf(g, 'unflat', 'reshape').shape).toEqual([2, 3]);
    expect(layerOf(g, 'flat', 'reshape').shape).toEqual([6]);
  });
});

describe('ONNX graph structure', () => {
  it('names unnamed nodes <op>_<index> and keeps names unique', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
    m.node('Relu', ['x'], ['a']).node('Relu', ['a'], ['b'], {}, 'Relu_0').node('Tanh', ['b'], ['c'], {}, 'x').output('c');
    expect(parse(m).layers.map((l) => l.name)).toEqual(['x', 'Relu_0', 'Relu_0_1', 'x_1']);
  });

  it('drops the batch dimension of the input whether it is symbolic, 1, -1 or left out', () => {
    for (const batch of ['N', 1, -1, 0]) {
      const m = new OnnxModelBuilder({ opset: 13 }).input('x', [batch, 5]).node('Relu', ['x'], ['y']).output('y');
      expect(parse(m).layers.map((l) => l.shape)).toEqual([[5], [5]]);
    }
  });

  it('ignores initializers listed among the graph inputs (IR version < 4 style)', () => {
    const m = new OnnxModelBuilder({ opset: 9 }).input('x', ['N', 2]).input('W', [2, 2]).initializer('W', [2, 2], [1, 0, 0, 1]);
    m.node('MatMul', ['x', 'W'], ['y'], {}, 'mm').output('y');
    expect(kinds(parse(m))).toEqual(['input', 'dense']);
  });

  it('removes layers that no output depends on', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2]);
    m.node('Relu', ['x'], ['y'], {}, 'used').node('Tanh', ['x'], ['unused'], {}, 'dead').output('y');
    expect(parse(m).layers.map((l) => l.name)).toEqual(['x', 'used']);
  });

  it('accepts a Softmax axis given explicitly as the last axis or -1', () => {
    expect(layerOf(parse(unary('Softmax', { axis: int(1) })), 'act', 'softmax').kind).toBe('softmax');
    expect(layerOf(parse(unary('Softmax', { axis: int(-1) }, 13, [2, 3])), 'act', 'softmax').shape).toEqual([2, 3]);
  });
});

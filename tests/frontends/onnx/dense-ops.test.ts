import { describe, expect, it } from 'vitest';
import { OnnxModelBuilder, float, int } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf, parse, parseFused, PRECISION, ramp } from './helpers.ts';

/** x[N, nIn] → one op → y */
const single = (nIn: number, opset = 13): OnnxModelBuilder => new OnnxModelBuilder({ opset }).input('x', ['N', nIn]);

describe('ONNX Gemm', () => {
  it('keeps B as the [in][out] weights when transB = 0 and adds C as the bias', () => {
    const w = ramp(3 * 4);
    const m = single(3).initializer('W', [3, 4], w).initializer('C', [4], [1, 2, 3, 4]);
    m.node('Gemm', ['x', 'W', 'C'], ['y'], {}, 'fc').output('y', ['N', 4]);
    const g = parse(m);
    const d = layerOf(g, 'fc', 'dense');
    expect([d.nIn, d.nOut, d.shape, d.inputs]).toEqual([3, 4, [4], ['x']]);
    expect(Array.from(d.weights)).toEqual(w);
    expect(Array.from(d.bias)).toEqual([1, 2, 3, 4]);
    expect(d.precision).toEqual({ result: PRECISION });
    expect([d.reuseFactor, d.strategy, d.origin]).toEqual([1, 'latency', { file: 'test.onnx', op: 'Gemm', node: 'fc' }]);
    expect(g.outputs).toEqual(['fc']);
  });

  it('transposes B when transB = 1 (weights stored [out][in])', () => {
    const b = ramp(4 * 3); // B[j][i], 4 outputs × 3 inputs
    const m = single(3).initializer('B', [4, 3], b).node('Gemm', ['x', 'B'], ['y'], { transB: int(1) }, 'fc').output('y');
    const d = layerOf(parse(m), 'fc', 'dense');
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) expect(d.weights[i * 4 + j]).toBe(b[j * 3 + i]);
    expect(Array.from(d.bias)).toEqual([0, 0, 0, 0]);
  });

  it('scales the weights by alpha and a broadcast scalar C by beta', () => {
    const w = ramp(2 * 2);
    const m = single(2).initializer('W', [2, 2], w).initializer('C', [], [0.5]);
    m.node('Gemm', ['x', 'W', 'C'], ['y'], { alpha: float(0.5), beta: float(2) }, 'fc').output('y');
    const d = layerOf(parse(m), 'fc', 'dense');
    expect(Array.from(d.weights)).toEqual(w.map((v) => 0.5 * v));
    expect(Array.from(d.bias)).toEqual([1, 1]);
  });

  it('accepts C of shape [1, n]', () => {
    const m = single(2).initializer('W', [2, 3], ramp(6)).initializer('C', [1, 3], [1, -1, 2]);
    m.node('Gemm', ['x', 'W', 'C'], ['y'], {}, 'fc').output('y');
    expect(Array.from(layerOf(parse(m), 'fc', 'dense').bias)).toEqual([1, -1, 2]);
  });
});

describe('ONNX MatMul and Add', () => {
  it('translates Add of a constant into a bias layer (batchnorm with scale 1), leaving the fusion to fuse-bias', () => {
    const m = single(3).initializer('W', [3, 2], ramp(6)).initializer('b', [2], [0.25, -0.75]);
    m.node('MatMul', ['x', 'W'], ['h'], {}, 'mm').node('Add', ['h', 'b'], ['y'], {}, 'add').output('y');
    const g = parse(m);
    expect(kinds(g)).toEqual(['input', 'dense', 'batchnorm']);
    const bias = layerOf(g, 'add', 'batchnorm');
    expect([Array.from(bias.scale), Array.from(bias.bias), bias.inputs]).toEqual([[1, 1], [0.25, -0.75], ['mm']]);
    expect(Array.from(layerOf(g, 'mm', 'dense').bias)).toEqual([0, 0]);
  });

  it('folds MatMul followed by Add of a constant into one dense layer (frontend, then the fuse-bias pass)', () => {
    const w = ramp(3 * 2);
    const m = single(3).initializer('W', [3, 2], w).initializer('b', [2], [0.25, -0.75]);
    m.node('MatMul', ['x', 'W'], ['h'], {}, 'mm').node('Add', ['h', 'b'], ['y'], {}, 'add').output('y');
    const g = parseFused(m);
    expect(kinds(g)).toEqual(['input', 'dense']);
    const d = layerOf(g, 'mm', 'dense');
    expect(Array.from(d.weights)).toEqual(w);
    expect(Array.from(d.bias)).toEqual([0.25, -0.75]);
    expect(d.origin).toEqual({ file: 'test.onnx', op: 'MatMul+Add', node: 'mm' });
    expect(g.outputs).toEqual(['mm']);
  });

  it('folds an Add whose constant is the first operand', () => {
    const m = single(2).initializer('W', [2, 2], ramp(4)).initializer('b', [1, 2], [3, 4]);
    m.node('MatMul', ['x', 'W'], ['h'], {}, 'mm').node('Add', ['b', 'h'], ['y']).output('y');
    expect(Array.from(layerOf(parseFused(m), 'mm', 'dense').bias)).toEqual([3, 4]);
  });

  it('makes a dense layer with zero bias from MatMul alone', () => {
    const m = single(2).initializer('W', [2, 3], ramp(6)).node('MatMul', ['x', 'W'], ['y'], {}, 'mm').output('y');
    const d = layerOf(parse(m), 'mm', 'dense');
    expect([d.nIn, d.nOut, Array.from(d.bias)]).toEqual([2, 3, [0, 0, 0]]);
  });

  it('reads weights from a Constant node', () => {
    const m = single(2).node('Constant', [], ['W'], { value: { tensor: { dims: [2, 1], dataType: 1, floatData: [2, -3] } } });
    m.node('MatMul', ['x', 'W'], ['y'], {}, 'mm').output('y');
    expect(Array.from(layerOf(parse(m), 'mm', 'dense').weights)).toEqual([2, -3]);
  });
});

describe('ONNX BatchNormalization', () => {
  it('becomes scale = γ/√(var + ε) and bias = β − μ·scale', () => {
    const [gamma, beta, mean, variance] = [[1, 2, -0.5], [0, 0.5, 1], [0.25, -1, 2], [1, 4, 0.0625]];
    const m = single(3, 9);
    [['g', gamma], ['b', beta], ['m', mean], ['v', variance]].forEach(([n, v]) => m.initializer(n as string, [3], v as number[]));
    m.node('BatchNormalization', ['x', 'g', 'b', 'm', 'v'], ['y'], { epsilon: float(0.001) }, 'bn').output('y');
    const bn = layerOf(parse(m), 'bn', 'batchnorm');
    const eps = Math.fround(0.001);
    const scale = gamma.map((g, c) => g / Math.sqrt(variance[c] + eps));
    expect(Array.from(bn.scale)).toEqual(scale);
    expect(Array.from(bn.bias)).toEqual(beta.map((b, c) => b - mean[c] * scale[c]));
    expect(bn.shape).toEqual([3]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnnx, parseOnnx } from '../../../src/frontends/onnx/index.ts';
import { OnnxModelBuilder, int } from '../../fixtures/onnx-builder.ts';
import { parse, PRECISION, ramp, thrown } from './helpers.ts';
import { oracle } from '../../helpers/oracles.ts';

const SUPPORTED =
  'Gemm, MatMul, BatchNormalization, Conv, MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool, Pad, Resize, Upsample, Add, Sub, Mul, Div, Sum, Mean, Max, Min, Neg, Abs, Relu, LeakyRelu, Clip, Sigmoid, Tanh, Softmax, ' +
  'Concat, Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Identity, Dropout, Cast, Constant, Shape, Gather, ConstantOfShape, Expand, Slice, ' +
  'Pow, Sqrt, Reciprocal, Elu, Selu, PRelu, Softplus, Softsign, HardSigmoid, ThresholdedRelu, LSTM, GRU, RNN';
const JET_TAGGER = join(import.meta.dirname, '../../../examples/jet_tagger/jet_tagger.onnx');
const SHARED_MODEL = join(import.meta.dirname, '../../../../shared/models/onnx/three_layer_keras.onnx');

const opts = { defaultPrecision: PRECISION };
const dense = (nIn: number, w: number[], opset = 13): OnnxModelBuilder =>
  new OnnxModelBuilder({ opset }).input('x', ['N', nIn]).initializer('W', [nIn, w.length / nIn], w).node('Gemm', ['x', 'W'], ['y'], {}, 'fc');

describe('ONNX frontend diagnostics', () => {
  it('rejects a truncated model with onnx-parse naming the file', () => {
    const e = thrown(() => parseOnnx(readFileSync(JET_TAGGER).subarray(0, 100), 'cut.onnx', opts));
    expect(e.code).toBe('onnx-parse');
    expect(e.message).toMatch(/^cut\.onnx: not a valid ONNX model \(protobuf decoding failed\): the 100 bytes are truncated or corrupt \(.+\)$/);
  });

  it.skipIf(!oracle(SHARED_MODEL, existsSync(SHARED_MODEL), 'check out ../shared beside the repository'))('rejects the first 100 bytes of three_layer_keras.onnx with onnx-parse (needs /work/shared)', () => {
    const e = thrown(() => parseOnnx(readFileSync(SHARED_MODEL).subarray(0, 100), 'three.onnx', opts));
    expect(e.message).toBe(
      'three.onnx: not a valid ONNX model (protobuf decoding failed): the 100 bytes are truncated or corrupt (index out of range: 100 + 10 > 100)',
    );
  });

  it('rejects a missing file with file-not-found', () => {
    const e = thrown(() => loadOnnx('/nonexistent/model.onnx', opts));
    expect([e.code, e.message]).toEqual(['file-not-found', '/nonexistent/model.onnx: file not found']);
  });

  it('rejects an unsupported op naming the node, the op and what is supported', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 4]).node('Cos', ['x'], ['y'], {}, 'cosine').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['unsupported-op', `test.onnx: layer 'cosine' (Cos): unsupported operator: supported: ${SUPPORTED}`]);
  });

  it('says that ConvTranspose is not yet supported, and what it needs', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 1, 4, 4]).initializer('W', [1, 1, 1, 1], [1]).node('ConvTranspose', ['x', 'W'], ['y'], {}, 'deconv').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['unsupported-op', `test.onnx: layer 'deconv' (ConvTranspose): unsupported operator: ConvTranspose is not yet supported (needs transposed convolution layers); supported: ${SUPPORTED}`]);
  });

  it('lists the ops of QONNX channels-last domain for another op of that domain', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 4, 4, 1]).node('Resize', ['x'], ['y'], {}, 'up', 'qonnx.custom_op.channels_last').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['unsupported-op', "test.onnx: layer 'up' (Resize): unsupported operator: supported in QONNX domain 'qonnx.custom_op.channels_last': Conv, MaxPool, AveragePool, BatchNormalization"]);
  });

  it('rejects ops of another domain', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 4]).node('Relu', ['x'], ['y'], {}, 'r', 'com.microsoft').output('y');
    expect(thrown(() => parse(m, 'q.onnx')).message).toBe(
      `q.onnx: layer 'r' (Relu): unsupported operator: ops of domain 'com.microsoft' are not supported; supported: ${SUPPORTED}`,
    );
  });

  it('rejects NaN weights with bad-weights naming the layer', () => {
    const w = ramp(8);
    w[2] = NaN;
    const e = thrown(() => parse(dense(4, w).output('y')));
    expect([e.code, e.message]).toEqual(['bad-weights', "test.onnx: layer 'fc' (Gemm): weights must be finite numbers: weights[2] must be finite, not NaN"]);
  });

  it('rejects an infinite constant added to a layer output, naming the Add', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 2]).initializer('W', [2, 2], ramp(4)).initializer('b', [2], [0, Infinity]);
    m.node('MatMul', ['x', 'W'], ['h'], {}, 'mm').node('Add', ['h', 'b'], ['y'], {}, 'add').output('y');
    expect(thrown(() => parse(m)).message).toBe("test.onnx: layer 'add' (Add): weights must be finite numbers: bias[1] must be finite, not Infinity");
  });

  it('rejects a BatchNormalization with negative variance with bad-weights', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 1]);
    ['g', 'b', 'm'].forEach((n) => m.initializer(n, [1], [1]));
    m.initializer('v', [1], [-1]).node('BatchNormalization', ['x', 'g', 'b', 'm', 'v'], ['y'], {}, 'bn').output('y');
    expect(thrown(() => parse(m)).message).toBe("test.onnx: layer 'bn' (BatchNormalization): weights must be finite numbers: scale must be finite, not NaN");
  });

  it('rejects opset 3 with unsupported-opset', () => {
    const e = thrown(() => parse(dense(2, ramp(4), 3).output('y')));
    expect([e.code, e.message]).toEqual(['unsupported-opset', 'test.onnx: unsupported opset: opset must be 7 to 19, not 3']);
  });

  it('rejects Gemm weights whose rows differ from the input size with shape-mismatch', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 16]).initializer('W', [8, 4], ramp(32)).node('Gemm', ['x', 'W'], ['y'], {}, 'fc').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['shape-mismatch', "test.onnx: layer 'fc' (Gemm): shape mismatch: weight rows must be 16 (the input size), not 8"]);
  });

  it('rejects a bias of the wrong length with shape-mismatch', () => {
    const m = dense(2, ramp(6)).initializer('b', [2], [1, 2]);
    m.node('Add', ['y', 'b'], ['z'], {}, 'add').output('z');
    expect(thrown(() => parse(m)).message).toBe(
      "test.onnx: layer 'add' (Add): shape mismatch: the added constant [2] must broadcast to the input [batch, 3] without growing it",
    );
  });

  it('rejects Div by a layer output, a constant divided by one, and a constant varying along two axes', () => {
    const two = (a: string, b: string, op = 'Div') =>
      new OnnxModelBuilder().input('x', ['N', 2, 3]).initializer('c', [], [2]).initializer('m', [2, 3], ramp(6)).node('Relu', ['x'], ['r'], {}, 'relu').node(op, [a, b], ['y'], {}, 'op').output('y');
    const e = thrown(() => parse(two('x', 'r')));
    expect([e.code, e.message]).toEqual(['unsupported-op', "test.onnx: layer 'op' (Div): unsupported operator: Div of two layer outputs is not supported; supported: Div by a constant"]);
    expect(thrown(() => parse(two('c', 'x'))).message).toBe(
      "test.onnx: layer 'op' (Div): unsupported operator: a constant divided by a layer output is not supported; supported: Div by a constant",
    );
    expect(thrown(() => parse(two('x', 'm', 'Mul'))).message).toBe(
      "test.onnx: layer 'op' (Mul): shape mismatch: the constant factor must be one value or vary along one axis (one value per channel), not [2, 3]",
    );
  });

  it('rejects a merge of layer outputs of different shapes (no broadcasting between tensors)', () => {
    const m = new OnnxModelBuilder().input('a', ['N', 4]).input('b', ['N', 1]).node('Add', ['a', 'b'], ['y'], {}, 'add').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual([
      'shape-mismatch',
      "test.onnx: layer 'add' (Add): shape mismatch: the merged tensors must have one shape (no broadcasting between two layer outputs), not [batch, 4] and [batch, 1]",
    ]);
  });

  it('rejects a shape op on a layer output that only a constant can feed', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 4]).node('ConstantOfShape', ['x'], ['y'], {}, 'c').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual([
      'unsupported-op',
      "test.onnx: layer 'c' (ConstantOfShape): unsupported operator: input 0 must be a constant (ConstantOfShape is evaluated at compile time, on shapes and weights), not the output of layer 'x'",
    ]);
  });

  it('rejects MatMul whose weights are not constant', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 2]).node('Relu', ['x'], ['r'], {}, 'relu').node('MatMul', ['x', 'r'], ['y'], {}, 'mm').output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual([
      'missing-initializer',
      "test.onnx: layer 'mm' (MatMul): a weight tensor is missing: B (the weights) must be an initializer or Constant, not the output of layer 'relu'",
    ]);
  });

  it('rejects Gemm with transA = 1 and Softmax over another axis with unsupported-attribute', () => {
    const model = new OnnxModelBuilder().input('x', ['N', 2]).initializer('W', [2, 2], ramp(4)).node('Gemm', ['x', 'W'], ['y'], { transA: int(1) }, 'fc').output('y');
    expect(thrown(() => parse(model)).message).toBe("test.onnx: layer 'fc' (Gemm): unsupported attribute value: transA must be 0, not 1");
    const s = new OnnxModelBuilder().input('x', ['N', 2, 3]).node('Softmax', ['x'], ['y'], { axis: int(1) }, 'sm').output('y');
    expect(thrown(() => parse(s)).message).toBe(
      "test.onnx: layer 'sm' (Softmax): unsupported attribute value: axis must be the last axis (2 or -1 for input [batch, 2, 3]), not 1",
    );
  });

  it('rejects a Reshape that moves the batch dimension', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 4]).initializer('s', [2], [2, 2], { dtype: 'int64' });
    m.node('Reshape', ['x', 's'], ['y'], {}, 'rs').output('y');
    expect(thrown(() => parse(m)).message).toBe(
      "test.onnx: layer 'rs' (Reshape): unsupported attribute value: shape must keep the batch dimension first, [-1 or 1, …], not [2, 2]",
    );
  });

  it('rejects a model whose inputs are all initializers, or a fixed batch larger than 1', () => {
    const m = new OnnxModelBuilder().input('W', [2, 2]).initializer('W', [2, 2], ramp(4)).node('Relu', ['W'], ['y']).output('y');
    const e = thrown(() => parse(m));
    expect([e.code, e.message]).toEqual(['unsupported-topology', 'test.onnx: unsupported graph topology: the model must have at least 1 input that is not an initializer, not 0']);
    const b = new OnnxModelBuilder().input('x', [32, 2]).node('Relu', ['x'], ['y']).output('y');
    expect(thrown(() => parse(b)).message).toBe("test.onnx: layer 'x' (input): shape mismatch: the batch dimension of input 'x' must be 1 or symbolic, not 32");
  });

  it('rejects Dropout whose mask is used', () => {
    const m = new OnnxModelBuilder().input('x', ['N', 2]).node('Dropout', ['x'], ['y', 'mask'], {}, 'drop').output('y').output('mask');
    expect(thrown(() => parse(m)).message).toBe("test.onnx: layer 'drop' (Dropout): unsupported graph topology: the mask output 'mask' must be unused (inference only)");
  });

  it('rejects a model without nodes with onnx-empty', () => {
    const e = thrown(() => parse(new OnnxModelBuilder().input('x', ['N', 2]).output('x')));
    expect([e.code, e.message]).toEqual(['onnx-empty', 'test.onnx: the ONNX model has no graph']);
  });
});

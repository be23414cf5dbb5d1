import { describe, it } from 'vitest';
import { OnnxModelBuilder, float, int } from '../../fixtures/onnx-builder.ts';
import { parse, ramp } from './helpers.ts';
import { expectMatchesOrt } from './ort-oracle.ts';

const samples = Array.from({ length: 16 }, (_, s) => Float32Array.from({ length: 6 }, (_, i) => Math.fround(Math.cos(s * 6 + i) * 3)));

/** A chain that uses every supported op, so its translation is checked against ONNX Runtime's semantics. */
function everyOp(opset: number): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset }).input('x', ['N', 6]);
  m.initializer('B1', [4, 6], ramp(24, 1)).initializer('C1', [1, 4], ramp(4, 2));
  m.node('Gemm', ['x', 'B1', 'C1'], ['g'], { transB: int(1), alpha: float(0.75), beta: float(-1.5) }, 'gemm');
  ['gamma', 'beta', 'mean'].forEach((n, k) => m.initializer(n, [4], ramp(4, 3 + k)));
  m.initializer('var', [4], [0.5, 1, 2, 0.25]);
  m.node('BatchNormalization', ['g', 'gamma', 'beta', 'mean', 'var'], ['bn'], { epsilon: float(0.01) }, 'bn');
  m.node('LeakyRelu', ['bn'], ['lr'], { alpha: float(0.2) }, 'leaky');
  m.initializer('shape', [3], [-1, 2, 2], { dtype: 'int64' }).node('Reshape', ['lr', 'shape'], ['rs'], {}, 'reshape');
  m.node('Flatten', ['rs'], ['fl'], {}, 'flatten');
  m.initializer('W2', [4, 5], ramp(20, 5), { encoding: 'typed' }).initializer('b2', [5], ramp(5, 6));
  return m;
}

function finish(m: OnnxModelBuilder, opset: number, act: string): OnnxModelBuilder {
  m.node('MatMul', ['fl', 'W2'], ['mm'], {}, 'matmul');
  m.node('Add', ['mm', 'b2'], ['dense'], {}, 'add');
  if (opset >= 11) {
    m.initializer('lo', [], [-0.5]).initializer('hi', [], [1.5]).node('Clip', ['dense', 'lo', 'hi'], ['clip'], {}, 'clip');
  } else {
    m.node('Clip', ['dense'], ['clip'], { min: float(-0.5), max: float(1.5) }, 'clip');
  }
  m.node('Dropout', ['clip'], ['drop'], {}, 'dropout').node('Identity', ['drop'], ['id'], {}, 'identity');
  m.node(act, ['id'], ['y'], {}, 'act');
  return m.output('y', ['N', 5]);
}

describe('ONNX semantics agree with onnxruntime', () => {
  for (const opset of [10, 13]) {
    for (const act of ['Sigmoid', 'Tanh', 'Softmax', 'Relu']) {
      it(`translates Gemm, BatchNormalization, LeakyRelu, Reshape, Flatten, MatMul+Add, Clip, Dropout, Identity, ${act} (opset ${opset})`, async () => {
        const m = finish(everyOp(opset), opset, act);
        await expectMatchesOrt(parse(m), m.encode(), samples, 1e-5);
      });
    }
  }
});

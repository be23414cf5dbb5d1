import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { cancelTranspose } from '../../../src/passes/cancel-transpose.ts';
import { fuseBias } from '../../../src/passes/fuse-bias.ts';
import { int, ints, OnnxModelBuilder, str } from '../../fixtures/onnx-builder.ts';
import { floatForward } from './float-forward.ts';
import { kinds, parse, ramp } from './helpers.ts';
import { expectFloatMatchesOrt } from './ort-graph.ts';
import { runOrt } from './ort-oracle.ts';
import { samples } from './window-oracle.ts';

const cancelled = (g: Graph): Graph => {
  const out = cancelTranspose.run(g, loadConfig({ model: 'm.onnx' }));
  verifyGraph(out);
  return out;
};

/** x [1, 2, 10, 10] → Conv 3×3 (4) → Relu → MaxPool 2×2 → Conv 3×3 (3) → y [1, 3, 2, 2] */
function convReluPoolConv(): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 2, 10, 10]);
  m.initializer('W1', [4, 2, 3, 3], ramp(72, 1)).initializer('B1', [4], [0.25, -0.5, 0, 1]).initializer('W2', [3, 4, 3, 3], ramp(108, 4));
  m.node('Conv', ['x', 'W1', 'B1'], ['c1'], {}, 'conv1').node('Relu', ['c1'], ['r'], {}, 'relu');
  m.node('MaxPool', ['r'], ['p'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }, 'pool');
  return m.node('Conv', ['p', 'W2'], ['y'], {}, 'conv2').output('y');
}

describe('channels-first ONNX models after cancel-transpose', () => {
  it('keeps no transpose between the layers of Conv → Relu → MaxPool → Conv, only one at each edge', async () => {
    const m = convReluPoolConv();
    const g = cancelled(parse(m));
    expect(kinds(g)).toEqual(['input', 'transpose', 'conv', 'relu', 'pool', 'conv', 'transpose']);
    expect(g.layers.map((l) => l.name).slice(2, 6)).toEqual(['conv1', 'relu', 'pool', 'conv2']);
    const xs = samples(200);
    const theirs = await runOrt(m.encode(), xs, [2, 10, 10]);
    xs.forEach((x, k) => floatForward(g, x).forEach((v, j) => expect(Math.abs(v - theirs[k][j])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)))));
  });

  it('keeps no transpose inside a residual block (Conv → Relu → Conv, added to the first Conv)', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 3, 6, 6]);
    m.initializer('W0', [4, 3, 3, 3], ramp(108, 2)).initializer('W1', [4, 4, 3, 3], ramp(144, 3));
    m.node('Conv', ['x', 'W0'], ['a'], { pads: ints([1, 1, 1, 1]) }, 'conv0').node('Conv', ['a', 'W1'], ['b'], { pads: ints([1, 1, 1, 1]) }, 'conv1');
    m.node('Relu', ['b'], ['r'], {}, 'relu').node('Add', ['a', 'r'], ['s'], {}, 'add');
    m.node('MaxPool', ['s'], ['y'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }, 'pool').output('y');
    const g = cancelled(parse(m));
    expect(kinds(g)).toEqual(['input', 'transpose', 'conv', 'conv', 'relu', 'merge', 'pool', 'transpose']);
    expect(g.layers.find((l) => l.name === 'add')!.inputs).toEqual(['conv0', 'relu']);
  });

  it('cancels the exporter transposes of a channels-last input (Transpose to NCHW before the first Conv)', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 5, 5, 2]).initializer('W', [3, 2, 3, 3], ramp(54));
    m.node('Transpose', ['x'], ['xt'], { perm: ints([0, 3, 1, 2]) }, 'to_nchw').node('Conv', ['xt', 'W'], ['c'], {}, 'conv');
    m.node('Transpose', ['c'], ['y'], { perm: ints([0, 2, 3, 1]) }, 'to_nhwc').output('y');
    expect(kinds(cancelled(parse(m)))).toEqual(['input', 'conv']);
  });

  it('folds a Conv + Add of a [C, 1, 1] constant into the conv bias once the transposes are gone (as mnist-conv writes it)', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 1, 6, 6]).initializer('W', [3, 1, 3, 3], ramp(27)).initializer('B', [3], [0.5, 0, -1]);
    m.initializer('C', [3, 1, 1], [0.25, -0.75, 2]);
    m.node('Conv', ['x', 'W', 'B'], ['c'], { auto_pad: str('SAME_UPPER') }, 'conv').node('Add', ['c', 'C'], ['a'], {}, 'plus').node('Relu', ['a'], ['y'], {}, 'relu').output('y');
    const g = fuseBias.run(cancelled(parse(m)), loadConfig({ model: 'm.onnx' }));
    verifyGraph(g);
    expect(kinds(g)).toEqual(['input', 'reshape', 'conv', 'relu', 'transpose']);
    const conv = g.layers[2].kind === 'conv' ? g.layers[2] : undefined;
    expect([Array.from(conv!.bias), conv!.origin?.op]).toEqual([[0.75, -0.75, 1], 'Conv+Add']);
    const xs = samples(36);
    const theirs = await runOrt(m.encode(), xs, [1, 6, 6]);
    xs.forEach((x, k) => floatForward(g, x).forEach((v, j) => expect(Math.abs(v - theirs[k][j])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)))));
  });

  it('keeps no transpose around a Concat of two conv branches on the channel axis 1, and computes what onnxruntime does', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 2, 6, 6]);
    m.initializer('Wa', [3, 2, 3, 3], ramp(54, 1)).initializer('Wb', [2, 2, 1, 1], [0.5, -1, 0.25, 2]).initializer('Wc', [2, 5, 3, 3], ramp(90, 6));
    m.node('Conv', ['x', 'Wa'], ['a'], { pads: ints([1, 1, 1, 1]) }, 'conv_a').node('Conv', ['x', 'Wb'], ['b'], {}, 'conv_b');
    m.node('Concat', ['a', 'b'], ['cat'], { axis: int(1) }, 'cat').node('Conv', ['cat', 'Wc'], ['y'], {}, 'conv_c').output('y');
    const g = cancelled(parse(m));
    expect(kinds(g).filter((k) => k === 'transpose')).toHaveLength(2);
    expect(g.layers.find((l) => l.name === 'cat')).toMatchObject({ axis: 2, inputs: ['conv_a', 'conv_b'], shape: [6, 6, 5] });
    expect(g.layers.find((l) => l.name === 'conv_c')!.inputs).toEqual(['cat']);
    await expectFloatMatchesOrt(g, m.encode(), 2);
  });
});

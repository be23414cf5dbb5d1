import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { cancelTranspose } from '../../../src/passes/cancel-transpose.ts';
import { mergeReshape } from '../../../src/passes/merge-reshape.ts';
import { OnnxModelBuilder, int, ints } from '../../fixtures/onnx-builder.ts';
import { fused, kinds, parse, ramp } from './helpers.ts';
import { expectFloatMatchesOrt, sampleRows } from './ort-graph.ts';
import { loadConfig } from '../../../src/config/load-config.ts';

const i64 = { dtype: 'int64' } as const;
const config = loadConfig({ model: 'm.onnx' });
/** the layout passes of the flow, each followed by the verifier */
function simplified(g: Graph): Graph {
  let out = fused(g);
  for (const p of [cancelTranspose, mergeReshape]) {
    out = p.run(out, config);
    verifyGraph(out);
  }
  return out;
}

/** ONNX Runtime agrees with the translated graph, and with it after the layout passes (which are bit-exact). */
async function check(m: OnnxModelBuilder): Promise<Graph> {
  const bytes = m.encode();
  const g = parse(m);
  verifyGraph(g);
  await expectFloatMatchesOrt(g, bytes);
  const s = simplified(g);
  await expectFloatMatchesOrt(s, bytes);
  const rows = sampleRows(g, 4, 7);
  expect(Array.from(emulate(s, rows, 4, { mode: 'float' }).output)).toEqual(Array.from(emulate(g, rows, 4, { mode: 'float' }).output));
  return s;
}

describe('data order of Flatten, Reshape, Transpose and Concat against onnxruntime', () => {
  it('transposes and reshapes a 2-D tensor, and a dense layer reads the flattened order', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4, 6]);
    m.node('Transpose', ['x'], ['t'], { perm: ints([0, 2, 1]) }, 'swap');
    m.initializer('s', [3], [0, 3, 8], i64).node('Reshape', ['t', 's'], ['r'], {}, 'regroup');
    m.node('Flatten', ['r'], ['f'], {}, 'flatten').initializer('W', [24, 5], ramp(120, 3)).node('MatMul', ['f', 'W'], ['y'], {}, 'fc');
    m.output('y', ['N', 5]).output('t', ['N', 6, 4]);
    const g = await check(m);
    expect(kinds(g)).toEqual(['input', 'transpose', 'reshape', 'dense']);
  });

  it('transposes a 3-D tensor twice through a reshape', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2, 3, 4]);
    m.node('Transpose', ['x'], ['a'], { perm: ints([0, 3, 1, 2]) }, 'to_last');
    m.initializer('s', [3], [-1, 6, 4], i64).node('Reshape', ['a', 's'], ['b'], {}, 'r');
    m.node('Transpose', ['b'], ['c'], { perm: ints([0, 2, 1]) }, 'back');
    m.output('c', ['N', 4, 6]).output('a');
    await check(m);
  });

  it('composes a 3-D transpose with its inverse into nothing, sinking the first one below the relu', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2, 3, 4]);
    m.node('Transpose', ['x'], ['a'], { perm: ints([0, 2, 3, 1]) }, 't1').node('Relu', ['a'], ['r'], {}, 'relu');
    m.node('Transpose', ['r'], ['b'], { perm: ints([0, 3, 1, 2]) }, 't2').node('Transpose', ['b'], ['c'], { perm: ints([0, 2, 3, 1]) }, 't3');
    m.node('Transpose', ['c'], ['y'], { perm: ints([0, 3, 1, 2]) }, 't4').output('y');
    const g = await check(m);
    expect(kinds(g)).toEqual(['input', 'relu']);
  });

  it('concatenates 3-D tensors of two graph inputs along each non-batch axis', async () => {
    for (const [axis, b] of [[1, [3, 3, 4]], [2, [2, 5, 4]], [-1, [2, 3, 2]]] as const) {
      const m = new OnnxModelBuilder({ opset: 13 }).input('a', ['N', 2, 3, 4]).input('b', ['N', ...b]);
      m.node('Concat', ['a', 'b'], ['y'], { axis: int(axis) }, 'cat').output('y');
      const g = await check(m);
      expect(kinds(g)).toEqual(['input', 'input', 'concatenate']);
    }
  });

  it('concatenates 2-D tensors along the last axis', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('a', ['N', 3, 2]).input('b', ['N', 3, 5]);
    m.node('Relu', ['b'], ['rb'], {}, 'relu').node('Concat', ['a', 'rb', 'a'], ['y'], { axis: int(2) }, 'cat').output('y');
    await check(m);
  });

  it('applies BatchNormalization and per-channel constants on the channel axis of an NCHW tensor', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 3, 4, 5]);
    ['g', 'b', 'mu'].forEach((n, k) => m.initializer(n, [3], ramp(3, 5 + k)));
    m.initializer('v', [3], [0.5, 1, 2]).node('BatchNormalization', ['x', 'g', 'b', 'mu', 'v'], ['bn'], {}, 'bn');
    m.initializer('c', [3, 1, 1], [2, -0.5, 0.25]).node('Mul', ['bn', 'c'], ['m'], {}, 'scale');
    m.initializer('w', [1, 1, 5], ramp(5, 2)).node('Sub', ['m', 'w'], ['s'], {}, 'shift');
    m.initializer('k', [], [1.5]).node('Add', ['k', 's'], ['y'], {}, 'offset').output('y');
    const g = await check(m);
    // the pair of transposes between the two channel-axis layers cancels; the last-axis ones need none
    expect(kinds(g)).toEqual(['input', 'transpose', 'batchnorm', 'batchnorm', 'transpose', 'batchnorm', 'batchnorm']);
  });

  it('squeezes and unsqueezes layer outputs as reshapes', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 1, 6, 1]);
    m.initializer('ax', [2], [1, 3], i64).node('Squeeze', ['x', 'ax'], ['s'], {}, 'squeeze');
    m.initializer('ax2', [1], [-1], i64).node('Unsqueeze', ['s', 'ax2'], ['u'], {}, 'unsqueeze');
    m.node('Transpose', ['u'], ['y'], { perm: ints([0, 2, 1]) }, 't').output('y');
    const g = await check(m);
    expect(kinds(g)).toEqual(['input', 'reshape']);
  });
});

describe('Abs and Neg of layer outputs', () => {
  it('become an abs layer and a batchnorm with scale −1, agreeing with onnxruntime', async () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2, 5]);
    m.node('Abs', ['x'], ['a'], {}, 'abs').node('Neg', ['x'], ['n'], {}, 'neg').node('Add', ['a', 'n'], ['y'], {}, 'sum').output('y').output('a');
    const g = await check(m);
    expect(kinds(g)).toEqual(['input', 'abs', 'batchnorm', 'merge']);
  });
});

import { describe, expect, it } from 'vitest';
import { OnnxModelBuilder, ints } from '../../fixtures/onnx-builder.ts';
import { kinds, layerOf, parse, ramp } from './helpers.ts';
import { expectFloatMatchesOrt } from './ort-graph.ts';

/** x[N, 4] → nodes → y, checked against onnxruntime */
async function check(build: (m: OnnxModelBuilder) => void): Promise<ReturnType<typeof parse>> {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
  build(m);
  const g = parse(m);
  await expectFloatMatchesOrt(g, m.encode(), 16);
  return g;
}

describe('ONNX arithmetic with a constant operand becomes scale/bias layers', () => {
  it('scales inputs as exporters do: (x · 2 − 1) / c, then c − x', async () => {
    const g = await check((m) => {
      m.initializer('two', [], [2]).initializer('one', [1], [1]).initializer('c', [4], [0.5, 4, -2, 3]).initializer('k', [1, 4], ramp(4, 1));
      m.node('Mul', ['x', 'two'], ['a'], {}, 'mul').node('Sub', ['a', 'one'], ['b'], {}, 'sub').node('Div', ['b', 'c'], ['d'], {}, 'div');
      m.node('Sub', ['k', 'd'], ['y'], {}, 'rsub').output('y');
    });
    expect(kinds(g)).toEqual(['input', 'batchnorm', 'batchnorm', 'batchnorm', 'batchnorm']);
    const div = layerOf(g, 'div', 'batchnorm');
    expect([Array.from(div.scale), Array.from(div.bias)]).toEqual([[2, 0.25, -0.5, 1 / 3], [0, 0, 0, 0]]);
    const rsub = layerOf(g, 'rsub', 'batchnorm');
    expect([Array.from(rsub.scale), Array.from(rsub.bias)]).toEqual([[-1, -1, -1, -1], ramp(4, 1)]);
  });

  it('bounds with Max/Min of one constant value (clip) and adds with Sum of a layer output and a constant', async () => {
    const g = await check((m) => {
      m.initializer('lo', [], [-0.5]).initializer('hi', [1], [1.25]).initializer('b', [4], ramp(4, 2));
      m.node('Max', ['x', 'lo'], ['a'], {}, 'max').node('Min', ['hi', 'a'], ['c'], {}, 'min').node('Sum', ['c', 'b'], ['y'], {}, 'sum').output('y');
    });
    expect(g.layers.slice(1).map((l) => (l.kind === 'clip' ? [l.min, l.max] : l.kind))).toEqual([[-0.5, Infinity], [-Infinity, 1.25], 'batchnorm']);
  });

  it('multiplies by a constant transposed with a Transpose node (MatMul weights stored [out][in])', async () => {
    const w = ramp(3 * 4, 5); // [3][4]
    const g = await check((m) => {
      m.initializer('Wt', [3, 4], w).node('Transpose', ['Wt'], ['W'], { perm: ints([1, 0]) }, 'tw');
      m.node('MatMul', ['x', 'W'], ['y'], {}, 'mm').output('y');
    });
    const d = layerOf(g, 'mm', 'dense');
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) expect(d.weights[i * 3 + j]).toBe(w[j * 4 + i]);
  });
});

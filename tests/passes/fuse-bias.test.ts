import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { fixedType } from '../../src/fixed/index.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { fuseBias } from '../../src/passes/fuse-bias.ts';
import { dag, randomArray, rng } from '../emulator/build-graph.ts';

const random = rng(5);
const W = randomArray(random, 4 * 3, 1);
/** x[4] → dense(3, bias b) → batchnorm(scale, β) [→ relu]; the dense optionally read twice */
function graph(scale: number[], opts: { bias?: number[]; twoReaders?: boolean; declared?: boolean } = {}) {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [4] },
      {
        kind: 'dense', name: 'fc', shape: [3], nIn: 4, nOut: 3, weights: W, bias: Float64Array.from(opts.bias ?? [0, 0, 0]),
        origin: { op: 'MatMul', node: 'fc' }, ...(opts.declared ? { declared: { weight: fixedType(8, 2), bias: fixedType(4, 2) } } : {}),
      },
      {
        kind: 'batchnorm', name: 'add', shape: [3], scale: Float64Array.from(scale), bias: Float64Array.of(0.5, -0.25, 1),
        origin: { op: 'Add', node: 'add' }, ...(opts.declared ? { declared: { bias: fixedType(6, 3) } } : {}),
      },
      { kind: 'relu', name: 'r', shape: [3], from: ['add'] },
    ],
    opts.twoReaders ? ['r', 'fc'] : ['r'],
  );
}

const X = randomArray(rng(9), 100 * 4, 3);
const floatOut = (g: ReturnType<typeof graph>) => emulate(g, X, 100, { mode: 'float' }).output;

describe('fuse-bias', () => {
  it('folds a scale-1 batchnorm into the dense before it: bias b + β, float outputs equal within 1e-12', () => {
    const g = graph([1, 1, 1], { bias: [0.125, 0, -1] });
    const out = fuseBias.run(g, undefined as never);
    verifyGraph(out);
    expect(out.layers.map((l) => l.name)).toEqual(['x', 'fc', 'r']);
    const fc = out.layers.find((l) => l.name === 'fc')!;
    expect(fc.kind === 'dense' && [Array.from(fc.bias), fc.origin?.op]).toEqual([[0.625, -0.25, 0], 'MatMul+Add']);
    expect(out.layers.find((l) => l.name === 'r')!.inputs).toEqual(['fc']);
    const [a, b] = [floatOut(g), floatOut(out)];
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
  });

  it('keeps a batchnorm whose scale is not 1 everywhere, and one after a dense that has another reader', () => {
    expect(fuseBias.run(graph([1, 2, 1]), undefined as never).layers.map((l) => l.kind)).toContain('batchnorm');
    const two = graph([1, 1, 1], { twoReaders: true });
    expect(fuseBias.run(two, undefined as never)).toBe(two);
  });

  it('keeps a stated bias type only when the other bias term is zero', () => {
    const zero = fuseBias.run(graph([1, 1, 1], { declared: true }), undefined as never).layers[1];
    expect(zero.declared).toEqual({ weight: fixedType(8, 2), bias: fixedType(6, 3) });
    const both = fuseBias.run(graph([1, 1, 1], { declared: true, bias: [1, 0, 0] }), undefined as never).layers[1];
    expect(both.declared).toEqual({ weight: fixedType(8, 2) });
  });
});

import { describe, expect, it } from 'vitest';
import { foldTransposeDense } from '../../src/passes/fold-transpose-dense.ts';
import { dag, randomArray, rng } from '../emulator/build-graph.ts';
import { runExact as exact } from './pass-helpers.ts';

const runExact = (g: Parameters<typeof exact>[0]) => exact(g, foldTransposeDense);

/** x [2, 3, 4] → relu → transpose (perm) → flatten [24] → dense (5) */
const model = (perm: number[], readers: 'one' | 'two' = 'one') => {
  const shape = perm.map((p) => [2, 3, 4][p]);
  const layers = [
    { kind: 'input' as const, name: 'x', shape: [2, 3, 4] },
    { kind: 'relu' as const, name: 'r', shape: [2, 3, 4], from: ['x'] },
    { kind: 'transpose' as const, name: 't', shape, perm, from: ['r'] },
    { kind: 'reshape' as const, name: 'flat', shape: [24], from: ['t'] },
    { kind: 'dense' as const, name: 'fc', shape: [5], nIn: 24, nOut: 5, weights: randomArray(rng(7), 120, 1), bias: randomArray(rng(8), 5, 1), from: ['flat'] },
  ];
  return readers === 'one' ? dag(layers) : dag(layers, ['fc', 't']);
};

describe('fold-transpose-dense', () => {
  it('folds a transpose before a flatten into the dense weight rows (outputs bit-equal)', () => {
    for (const perm of [[2, 0, 1], [1, 2, 0], [0, 2, 1]]) {
      const out = runExact(model(perm));
      expect(out.layers.map((l) => l.kind)).toEqual(['input', 'relu', 'reshape', 'dense']);
      expect(out.layers[2].inputs).toEqual(['r']);
    }
  });

  it('moves row j of the weights to the input position the transpose read it from', () => {
    const g = model([2, 0, 1]);
    const out = runExact(g);
    const before = g.layers[4].kind === 'dense' ? g.layers[4].weights : new Float64Array();
    const after = out.layers[3].kind === 'dense' ? out.layers[3].weights : new Float64Array();
    // flat(T(x))_j for j = (c·2 + h)·3 + w reads x[h][w][c] = x_flat[(h·3 + w)·4 + c]
    for (let c = 0; c < 4; c++) for (let h = 0; h < 2; h++) for (let w = 0; w < 3; w++) {
      const j = (c * 2 + h) * 3 + w;
      const i = (h * 3 + w) * 4 + c;
      expect(Array.from(after.subarray(i * 5, i * 5 + 5))).toEqual(Array.from(before.subarray(j * 5, j * 5 + 5)));
    }
  });

  it('leaves a transpose that something else reads', () => {
    expect(foldTransposeDense.run(model([2, 0, 1], 'two'), undefined as never).layers.map((l) => l.kind)).toEqual(['input', 'relu', 'transpose', 'reshape', 'dense']);
  });
});

import { describe, expect, it } from 'vitest';
import { cancelTranspose } from '../../src/passes/cancel-transpose.ts';
import { dag } from '../emulator/build-graph.ts';
import { runExact as exact } from './pass-helpers.ts';

const runExact = (g: Parameters<typeof exact>[0]) => exact(g, cancelTranspose);

const t = (name: string, from: string, shape: number[], perm: number[]) => ({ kind: 'transpose' as const, name, from: [from], shape, perm });

describe('cancel-transpose', () => {
  it('removes a transpose followed by its inverse, around a relu', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4] },
      t('t1', 'x', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r', shape: [3, 4, 2], from: ['t1'] },
      t('t2', 'r', [2, 3, 4], [2, 0, 1]),
      t('t3', 't2', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r2', shape: [3, 4, 2], from: ['t3'] },
    ]);
    const out = runExact(g);
    expect(out.layers.map((l) => l.name)).toEqual(['x', 't1', 'r', 'r2']);
    expect(out.layers[3].inputs).toEqual(['r']);
  });

  it('composes two transposes into one: T(p2) ∘ T(p1) = T(p1[p2[a]])', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4] },
      t('t1', 'x', [3, 4, 2], [1, 2, 0]),
      t('t2', 't1', [2, 4, 3], [2, 1, 0]),
    ]);
    const out = runExact(g);
    expect(out.layers.map((l) => [l.name, l.kind === 'transpose' && l.perm, l.inputs])).toEqual([['x', false, []], ['t2', [0, 2, 1], ['x']]]);
  });

  it('turns a transpose that moves only axes of size 1 into a reshape, keeping one with another reader', () => {
    const g = dag(
      [
        { kind: 'input', name: 'x', shape: [1, 6, 1, 4] },
        t('t', 'x', [6, 1, 4, 1], [1, 0, 3, 2]),
        t('u', 'x', [4, 6, 1, 1], [3, 1, 0, 2]),
      ],
      ['t', 'u'],
    );
    const out = runExact(g);
    expect(out.layers.map((l) => l.kind)).toEqual(['input', 'reshape', 'transpose']);
  });
});

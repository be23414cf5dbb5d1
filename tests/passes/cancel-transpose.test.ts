import { describe, expect, it } from 'vitest';
import { cancelTranspose } from '../../src/passes/cancel-transpose.ts';
import { dag } from '../emulator/build-graph.ts';
import { runExact as exact } from './pass-helpers.ts';

const runExact = (g: Parameters<typeof exact>[0]) => exact(g, cancelTranspose);

const t = (name: string, from: string, shape: number[], perm: number[]) => ({ kind: 'transpose' as const, name, from: [from], shape, perm });

describe('cancel-transpose', () => {
  it('removes a transpose followed by its inverse, sinking the first one below a relu', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4] },
      t('t1', 'x', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r', shape: [3, 4, 2], from: ['t1'] },
      t('t2', 'r', [2, 3, 4], [2, 0, 1]),
      t('t3', 't2', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r2', shape: [3, 4, 2], from: ['t3'] },
    ]);
    const out = runExact(g);
    expect(out.layers.map((l) => l.name)).toEqual(['x', 'r', 'r2', 't3']);
    expect(out.layers.map((l) => l.inputs)).toEqual([[], ['x'], ['r'], ['r2']]);
    expect(out.layers[1].shape).toEqual([2, 3, 4]);
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

  it('sinks a transpose below a per-channel batchnorm when the last axis stays last, and not otherwise', () => {
    const bn = (name: string, from: string, shape: number[]) => ({ kind: 'batchnorm' as const, name, from: [from], shape, scale: Float64Array.of(0.5, -1, 2, 0.25), bias: Float64Array.of(0.125, 0, -0.5, 1) });
    const keeps = dag([{ kind: 'input', name: 'x', shape: [2, 3, 4] }, t('t', 'x', [3, 2, 4], [1, 0, 2]), bn('b', 't', [3, 2, 4])]);
    expect(runExact(keeps).layers.map((l) => l.name)).toEqual(['x', 'b', 't']);
    const moves = dag([{ kind: 'input', name: 'x', shape: [4, 3, 2] }, t('t', 'x', [3, 2, 4], [1, 2, 0]), bn('b', 't', [3, 2, 4])]);
    expect(runExact(moves).layers.map((l) => l.name)).toEqual(['x', 't', 'b']);
  });

  it('sinks equal transposes of every input below a merge, and the pair around it cancels', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4] },
      t('ta', 'x', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r', shape: [2, 3, 4], from: ['x'] },
      t('tb', 'r', [3, 4, 2], [1, 2, 0]),
      { kind: 'merge', name: 'add', op: 'add', shape: [3, 4, 2], from: ['ta', 'tb'] },
      t('back', 'add', [2, 3, 4], [2, 0, 1]),
    ]);
    const out = runExact(g);
    expect(out.layers.map((l) => l.kind)).toEqual(['input', 'relu', 'merge']);
    expect(out.layers[2].inputs).toEqual(['x', 'r']);
  });

  it('sinks transposes below a concatenation, moving its axis: C_k(T_p(a), T_p(b)) = T_p(C_p[k](a, b))', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4] },
      t('ta', 'x', [3, 4, 2], [1, 2, 0]),
      { kind: 'relu', name: 'r', shape: [2, 3, 4], from: ['x'] },
      t('tb', 'r', [3, 4, 2], [1, 2, 0]),
      { kind: 'concatenate', name: 'cat', axis: 2, shape: [3, 4, 4], from: ['ta', 'tb'] },
    ]);
    const out = runExact(g);
    expect(out.layers.map((l) => l.kind)).toEqual(['input', 'relu', 'concatenate', 'transpose']);
    expect(out.layers[2]).toMatchObject({ axis: 0, shape: [4, 3, 4] });
  });

  it('leaves a transpose with two readers in place', () => {
    const g = dag(
      [
        { kind: 'input', name: 'x', shape: [2, 3, 4] },
        t('t', 'x', [3, 4, 2], [1, 2, 0]),
        { kind: 'relu', name: 'r', shape: [3, 4, 2], from: ['t'] },
        { kind: 'sigmoid', name: 's', shape: [3, 4, 2], from: ['t'], tableSize: 1024 },
      ],
      ['r', 's'],
    );
    expect(runExact(g).layers.map((l) => l.name)).toEqual(['x', 't', 'r', 's']);
  });

  it('lets two readers that transpose a tensor the same way share one transpose', () => {
    const g = dag(
      [
        { kind: 'input', name: 'x', shape: [2, 3, 4] },
        t('t1', 'x', [3, 4, 2], [1, 2, 0]),
        t('t2', 'x', [3, 4, 2], [1, 2, 0]),
        { kind: 'relu', name: 'r', shape: [3, 4, 2], from: ['t1'] },
        { kind: 'merge', name: 'm', op: 'add', shape: [3, 4, 2], from: ['r', 't2'] },
      ],
      ['m'],
    );
    const out = runExact(g);
    expect(out.layers.filter((l) => l.kind === 'transpose').map((l) => l.name)).toEqual(['t1']);
  });
});

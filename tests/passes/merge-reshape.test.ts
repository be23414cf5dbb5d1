import { describe, expect, it } from 'vitest';
import { mergeReshape } from '../../src/passes/merge-reshape.ts';
import { dag } from '../emulator/build-graph.ts';
import { runExact } from './pass-helpers.ts';

describe('merge-reshape', () => {
  it('merges consecutive reshapes and removes one that restores the shape', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [4, 6] },
      { kind: 'reshape', name: 'a', shape: [24], from: ['x'] },
      { kind: 'reshape', name: 'b', shape: [2, 12], from: ['a'] },
      { kind: 'relu', name: 'r', shape: [2, 12], from: ['b'] },
      { kind: 'reshape', name: 'c', shape: [24], from: ['r'] },
      { kind: 'reshape', name: 'd', shape: [2, 12], from: ['c'] },
    ]);
    const out = runExact(g, mergeReshape);
    expect(out.layers.map((l) => [l.name, l.inputs])).toEqual([['x', []], ['b', ['x']], ['r', ['b']]]);
    expect(out.outputs).toEqual(['r']);
  });
});

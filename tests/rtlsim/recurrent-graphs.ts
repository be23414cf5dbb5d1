import type { Graph } from '../../src/ir/graph.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, type LayerSpec } from '../emulator/build-graph.ts';
import { GATES, recurrentSpec, type RecurrentOptions } from '../csim/recurrent-specs.ts';

export type RecurrentSpec = LayerSpec & { from: string[]; reuseFactor: number };

/** A recurrent layer reading x [4, 3] (3 units, 256-entry tables unless told) with seeded random weights (10% zeros). */
export function recurrent(kind: keyof typeof GATES, name: string, seed: number, o: Partial<RecurrentOptions> & { reuseFactor?: number } = {}): RecurrentSpec {
  const { reuseFactor, ...rest } = o;
  return { ...recurrentSpec(kind, name, seed, { from: 'x', steps: 4, nIn: 3, units: 3, tableSize: 256, ...rest }), reuseFactor: reuseFactor ?? 1 };
}

/** Several layers on one input x [T, nIn] (each an output unless merged): one Verilator build for all of them. */
export function recurrentGraph(name: string, layers: (LayerSpec & { from: string[]; reuseFactor?: number })[], outputs: string[], input: { shape: number[]; type: string }): Graph {
  const g = dag([{ kind: 'input', name: 'x', shape: input.shape, precision: { result: input.type } }, ...layers], outputs, name);
  const rf = new Map(layers.map((l) => [l.name, l.reuseFactor ?? 1]));
  const graph = { ...g, layers: g.layers.map((l) => ({ ...l, reuseFactor: rf.get(l.name) ?? 1 })) };
  verifyGraph(graph, { configured: true });
  return graph;
}

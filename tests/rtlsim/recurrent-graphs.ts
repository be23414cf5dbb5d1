import type { Graph } from '../../src/ir/graph.ts';
import type { CellActivation, RecurrentLayer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

export const GATES = { lstm: 4, gru: 3, simple_rnn: 1 } as const;

export interface RecurrentOptions extends Partial<Pick<RecurrentLayer, 'returnSequences' | 'goBackwards' | 'reverseOutputs' | 'activation'>> {
  steps?: number;
  nIn?: number;
  units?: number;
  recurrentActivation?: CellActivation;
  resetAfter?: boolean;
  recurrentBias?: boolean;
  precision?: Record<string, string>;
  scale?: number;
  reuseFactor?: number;
}

export type RecurrentSpec = LayerSpec & { from: string[]; reuseFactor: number };

/** A recurrent layer reading `x` with seeded random weights (10% zeros). */
export function recurrent(kind: keyof typeof GATES, name: string, seed: number, o: RecurrentOptions = {}): RecurrentSpec {
  const random = rng(seed);
  const [T, nIn, u] = [o.steps ?? 4, o.nIn ?? 3, o.units ?? 3];
  const g = GATES[kind] * u;
  const returnSequences = o.returnSequences ?? false;
  const scale = o.scale ?? 0.6;
  const base = {
    name,
    from: ['x'],
    reuseFactor: o.reuseFactor ?? 1,
    shape: returnSequences ? [T, u] : [u],
    units: u,
    nIn,
    steps: T,
    returnSequences,
    goBackwards: o.goBackwards ?? false,
    reverseOutputs: o.reverseOutputs ?? false,
    activation: o.activation ?? { fn: 'tanh' },
    kernel: randomArray(random, nIn * g, scale, 0.1),
    recurrentKernel: randomArray(random, u * g, scale, 0.1),
    bias: randomArray(random, g, 0.3),
    recurrentBias: o.recurrentBias ? randomArray(random, g, 0.3) : new Float64Array(g),
    tableSize: 256,
    precision: o.precision,
  };
  if (kind === 'simple_rnn') return { ...base, kind };
  const recurrentActivation = o.recurrentActivation ?? { fn: 'sigmoid' };
  return kind === 'lstm' ? { ...base, kind, recurrentActivation } : { ...base, kind, recurrentActivation, resetAfter: o.resetAfter ?? true };
}

/** Several layers on one input x [T, nIn] (each an output unless merged): one Verilator build for all of them. */
export function recurrentGraph(name: string, layers: (LayerSpec & { from: string[]; reuseFactor?: number })[], outputs: string[], input: { shape: number[]; type: string }): Graph {
  const g = dag([{ kind: 'input', name: 'x', shape: input.shape, precision: { result: input.type } }, ...layers], outputs, name);
  const rf = new Map(layers.map((l) => [l.name, l.reuseFactor ?? 1]));
  const graph = { ...g, layers: g.layers.map((l) => ({ ...l, reuseFactor: rf.get(l.name) ?? 1 })) };
  verifyGraph(graph, { configured: true });
  return graph;
}

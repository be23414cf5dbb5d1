import type { CellActivation, RecurrentLayer } from '../../src/ir/layers.ts';
import { randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

export const GATES = { lstm: 4, gru: 3, simple_rnn: 1 } as const;

export type RecurrentOptions = Partial<Pick<RecurrentLayer, 'returnSequences' | 'goBackwards' | 'reverseOutputs' | 'activation'>> & {
  from: string;
  steps: number;
  nIn: number;
  units: number;
  recurrentActivation?: CellActivation;
  resetAfter?: boolean;
  recurrentBias?: boolean;
  precision?: Record<string, string>;
  scale?: number;
  /** Entries of the tanh/sigmoid tables (default 1024). */
  tableSize?: number;
};

/** A recurrent layer spec with seeded random weights (10% zeros) reading `from` [steps, nIn]. */
export function recurrentSpec(kind: keyof typeof GATES, name: string, seed: number, o: RecurrentOptions): LayerSpec & { from: string[] } {
  const random = rng(seed);
  const g = GATES[kind] * o.units;
  const returnSequences = o.returnSequences ?? false;
  const scale = o.scale ?? 0.6;
  const base = {
    name,
    from: [o.from],
    shape: returnSequences ? [o.steps, o.units] : [o.units],
    units: o.units,
    nIn: o.nIn,
    steps: o.steps,
    returnSequences,
    goBackwards: o.goBackwards ?? false,
    reverseOutputs: o.reverseOutputs ?? false,
    activation: o.activation ?? { fn: 'tanh' },
    kernel: randomArray(random, o.nIn * g, scale, 0.1),
    recurrentKernel: randomArray(random, o.units * g, scale, 0.1),
    bias: randomArray(random, g, 0.3),
    recurrentBias: o.recurrentBias ? randomArray(random, g, 0.3) : new Float64Array(g),
    tableSize: o.tableSize ?? 1024,
    precision: o.precision,
  };
  if (kind === 'simple_rnn') return { ...base, kind };
  const recurrentActivation = o.recurrentActivation ?? { fn: 'sigmoid' };
  return kind === 'lstm' ? { ...base, kind, recurrentActivation } : { ...base, kind, recurrentActivation, resetAfter: o.resetAfter ?? true };
}

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/ir/graph.ts';
import type { CellActivation, RecurrentLayer } from '../../src/ir/layers.ts';
import { HARD_SIGMOID_KERAS2, HARD_SIGMOID_KERAS3 } from '../../src/ir/recurrent.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';

const TIMEOUT = 600_000;
const T = 6;
const N_IN = 3;
const U = 4;
const GATES = { lstm: 4, gru: 3, simple_rnn: 1 } as const;

type Options = Partial<Pick<RecurrentLayer, 'returnSequences' | 'goBackwards' | 'reverseOutputs' | 'activation'>> & {
  recurrentActivation?: CellActivation;
  resetAfter?: boolean;
  recurrentBias?: boolean;
  precision?: Record<string, string>;
  scale?: number;
};

/** A recurrent layer reading x [T, N_IN] with seeded random weights (10% zeros). */
function recurrent(kind: keyof typeof GATES, name: string, seed: number, o: Options = {}): LayerSpec & { from: string[] } {
  const random = rng(seed);
  const g = GATES[kind] * U;
  const returnSequences = o.returnSequences ?? false;
  const scale = o.scale ?? 0.6;
  const base = {
    name,
    from: ['x'],
    shape: returnSequences ? [T, U] : [U],
    units: U,
    nIn: N_IN,
    steps: T,
    returnSequences,
    goBackwards: o.goBackwards ?? false,
    reverseOutputs: o.reverseOutputs ?? false,
    activation: o.activation ?? { fn: 'tanh' },
    kernel: randomArray(random, N_IN * g, scale, 0.1),
    recurrentKernel: randomArray(random, U * g, scale, 0.1),
    bias: randomArray(random, g, 0.3),
    recurrentBias: o.recurrentBias ? randomArray(random, g, 0.3) : new Float64Array(g),
    tableSize: 1024,
    precision: o.precision,
  };
  if (kind === 'simple_rnn') return { ...base, kind };
  const recurrentActivation = o.recurrentActivation ?? { fn: 'sigmoid' };
  return kind === 'lstm' ? { ...base, kind, recurrentActivation } : { ...base, kind, recurrentActivation, resetAfter: o.resetAfter ?? true };
}

/** Several recurrent layers side by side on one input, each an output: one g++ build for all of them. */
function graphOf(layers: (LayerSpec & { from: string[] })[], input = 'ap_fixed<16,6>', reuseFactor = 1): Graph {
  const g = dag([{ kind: 'input', name: 'x', shape: [T, N_IN], precision: { result: input } }, ...layers], layers.map((l) => l.name));
  const graph = { ...g, layers: g.layers.map((l) => (l.kind === 'input' ? l : { ...l, reuseFactor })) };
  verifyGraph(graph, { configured: true });
  return graph;
}

const NARROW = { accum: 'ap_fixed<10,4,AP_RND,AP_SAT>', state: 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>', table: 'ap_fixed<8,1,AP_RND,AP_SAT>', recurrent_table: 'ap_ufixed<7,0,AP_RND,AP_SAT>', weight: 'ap_fixed<6,1,AP_RND>', recurrent_weight: 'ap_fixed<5,1>', result: 'ap_fixed<6,2,AP_TRN,AP_WRAP>' };

describe('C simulation of recurrent layers agrees with the emulator bit for bit', () => {
  it('computes LSTM, GRU (reset_after both) and SimpleRNN at the default precisions, last state and whole sequence', { timeout: TIMEOUT }, async () => {
    const layers = [
      recurrent('lstm', 'lstm_last', 1),
      recurrent('lstm', 'lstm_seq', 2, { returnSequences: true }),
      recurrent('gru', 'gru_after', 3, { recurrentBias: true, returnSequences: true }),
      recurrent('gru', 'gru_before', 4, { resetAfter: false }),
      recurrent('simple_rnn', 'rnn_tanh', 5, { recurrentBias: true }),
      recurrent('simple_rnn', 'rnn_seq', 6, { returnSequences: true, activation: { fn: 'relu' } }),
    ];
    const run = await csimAgainstEmulator(graphOf(layers), { batch: 400, seed: 31, range: 3 });
    expectBitExact(run);
    expect(run.csim.outputsCompared).toBe(400 * U * (1 + T + T + 1 + 1 + T));
  });
});

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/ir/graph.ts';
import { HARD_SIGMOID_KERAS2, HARD_SIGMOID_KERAS3 } from '../../src/ir/recurrent.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';
import { GATES, recurrentSpec, type RecurrentOptions } from './recurrent-specs.ts';

const TIMEOUT = 600_000;
const T = 6;
const N_IN = 3;
const U = 4;
type Options = Omit<RecurrentOptions, 'from' | 'steps' | 'nIn' | 'units'>;

/** A recurrent layer reading x [T, N_IN] with seeded random weights (10% zeros). */
const recurrent = (kind: keyof typeof GATES, name: string, seed: number, o: Options = {}): LayerSpec & { from: string[] } =>
  recurrentSpec(kind, name, seed, { from: 'x', steps: T, nIn: N_IN, units: U, ...o });

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

  it('computes narrow saturating and rounding types, hard_sigmoid gates (Keras 2 and 3), backwards steps and reversed outputs at ReuseFactor 3', { timeout: TIMEOUT }, async () => {
    const layers = [
      recurrent('lstm', 'lstm_narrow', 11, { returnSequences: true, scale: 1.5, precision: NARROW }),
      recurrent('lstm', 'lstm_hard', 12, { returnSequences: true, goBackwards: true, recurrentActivation: HARD_SIGMOID_KERAS2 }),
      recurrent('gru', 'gru_hard3', 13, { resetAfter: false, activation: { fn: 'relu' }, recurrentActivation: HARD_SIGMOID_KERAS3, precision: { param: 'ap_fixed<18,2,AP_RND>', table: 'ap_fixed<10,3,AP_RND,AP_SAT>' } }),
      recurrent('gru', 'gru_wrap', 14, { resetAfter: false, goBackwards: true, reverseOutputs: true, returnSequences: true, scale: 2, precision: { state: 'ap_fixed<7,2,AP_RND,AP_WRAP>', accum: 'ap_fixed<12,4,AP_TRN,AP_SAT_SYM>', recurrent_table: 'ap_fixed<6,1,AP_RND>' } }),
      recurrent('gru', 'gru_after_narrow', 15, { recurrentBias: true, scale: 1.2, precision: { accum: 'ap_fixed<11,4,AP_RND_CONV,AP_SAT>', state: 'ap_fixed<9,3,AP_RND_ZERO,AP_SAT>', recurrent_table: 'ap_ufixed<6,0,AP_RND_INF,AP_SAT>' } }),
      recurrent('simple_rnn', 'rnn_linear', 16, { activation: { fn: 'linear' }, returnSequences: true, scale: 2, precision: { table: 'ap_fixed<8,2,AP_RND,AP_SAT>', state: 'ap_fixed<10,3,AP_RND,AP_SAT>', result: 'ap_fixed<6,1,AP_RND,AP_WRAP>' } }),
      recurrent('simple_rnn', 'rnn_hard', 17, { activation: HARD_SIGMOID_KERAS2, goBackwards: true, precision: { param: 'ap_fixed<12,1,AP_RND>' } }),
    ];
    const run = await csimAgainstEmulator(graphOf(layers, 'ap_fixed<10,4,AP_RND,AP_SAT>', 3), { batch: 400, seed: 32, range: 4 });
    expectBitExact(run);
    expect(run.csim.outputsCompared).toBe(400 * U * (T + T + 1 + T + 1 + T + 1));
    // the narrow types overflow: saturation and wrapping of the state are exercised, not avoided
    expect(overflowsOf(run, 'state')).toBeGreaterThan(100);
    expect(overflowsOf(run, 'accum')).toBeGreaterThan(100);
  });

  it('computes wide types whose exact gate sums need more than 53 bits', { timeout: TIMEOUT }, async () => {
    const wide = { accum: 'ap_fixed<50,14,AP_RND>', weight: 'ap_fixed<26,2>', recurrent_weight: 'ap_fixed<26,2>', state: 'ap_fixed<40,8>', table: 'ap_fixed<24,2>', recurrent_table: 'ap_fixed<24,2>', result: 'ap_fixed<40,8>' };
    const layers = [recurrent('lstm', 'lstm_wide', 21, { precision: wide }), recurrent('gru', 'gru_wide', 22, { resetAfter: true, recurrentBias: true, precision: wide })];
    const run = await csimAgainstEmulator(graphOf(layers, 'ap_fixed<30,10>', 2), { batch: 300, seed: 33, range: 3 });
    expectBitExact(run, 500);
  });

  it('computes Bidirectional layers as the IR has them: a forward and a backward layer with realigned outputs, concatenated or summed', { timeout: TIMEOUT }, async () => {
    const layers = [
      recurrent('lstm', 'bi_fwd', 41, { returnSequences: true }),
      recurrent('lstm', 'bi_bwd', 42, { returnSequences: true, goBackwards: true, reverseOutputs: true }),
      recurrent('gru', 'sum_fwd', 43, { resetAfter: false }),
      recurrent('gru', 'sum_bwd', 44, { resetAfter: false, goBackwards: true }),
    ];
    const merges = [
      { kind: 'concatenate', name: 'bi_concat', axis: 1, shape: [T, 2 * U], from: ['bi_fwd', 'bi_bwd'] },
      { kind: 'merge', name: 'bi_sum', op: 'add', shape: [U], from: ['sum_fwd', 'sum_bwd'], precision: { result: 'ap_fixed<16,6>' } },
    ] as (LayerSpec & { from: string[] })[];
    const g = dag([{ kind: 'input', name: 'x', shape: [T, N_IN], precision: { result: 'ap_fixed<16,6>' } }, ...layers, ...merges], ['bi_concat', 'bi_sum']);
    const graph = { ...g, layers: g.layers.map((l) => (l.kind === 'lstm' || l.kind === 'gru' ? { ...l, reuseFactor: 2 } : l)) };
    verifyGraph(graph, { configured: true });
    const run = await csimAgainstEmulator(graph, { batch: 300, seed: 34, range: 3 });
    expectBitExact(run);
    expect(run.csim.outputsCompared).toBe(300 * (2 * T * U + U));
  });
});

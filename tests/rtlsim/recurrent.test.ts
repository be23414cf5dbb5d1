import { afterAll, describe, expect, it } from 'vitest';
import { HARD_SIGMOID_KERAS2, HARD_SIGMOID_KERAS3 } from '../../src/ir/recurrent.ts';
import type { LayerSpec } from '../emulator/build-graph.ts';
import { recurrent, recurrentGraph } from './recurrent-graphs.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const T = 4;
const N_IN = 3;
const U = 3;
const NARROW = { accum: 'ap_fixed<10,4,AP_RND,AP_SAT>', state: 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>', table: 'ap_fixed<8,1,AP_RND,AP_SAT>', recurrent_table: 'ap_ufixed<7,0,AP_RND,AP_SAT>', weight: 'ap_fixed<6,1,AP_RND>', recurrent_weight: 'ap_fixed<5,1>', result: 'ap_fixed<6,2,AP_TRN,AP_WRAP>' };

const runs: SimRun[] = [];
afterAll(() => runs.forEach(cleanup));

/** Simulates every layer of a graph in one Verilator build and checks bit equality, planned timing and live outputs. */
async function expectExact(name: string, layers: (LayerSpec & { from: string[]; reuseFactor?: number })[], outputs: string[], input: string, outSize: number) {
  const graph = recurrentGraph(name, layers, outputs, { shape: [T, N_IN], type: input });
  const run = await simulate(graph, configFor(), 60, 7, 3, { configured: true });
  runs.push(run);
  expect(run.sim.firstMismatches).toEqual([]);
  expect(run.sim.mismatches).toBe(0);
  expect(run.sim.outputsCompared).toBe(60 * outSize);
  expect([run.sim.latencyCycles, run.sim.ii]).toEqual([run.plan.latencyCycles, run.plan.ii]);
  // every output element takes several values: a stuck state or a dropped step would show
  expect(Math.min(...distinctPerOutput(run.predictions, outSize))).toBeGreaterThan(3);
  return run;
}

// one Verilator build in CI covers every kind and option; HLSFORGE_SLOW=1 adds a second one with more combinations
const SLOW = !!process.env.HLSFORGE_SLOW;

describe.skipIf(!hasVerilator)('RTL simulation of recurrent layers agrees with the emulator bit for bit', () => {
  it('computes LSTM, GRU (reset_after both), SimpleRNN, hard_sigmoid gates, go_backwards and a Bidirectional concatenation at two precisions, ReuseFactor 1, 2 and 3', async () => {
    const layers = [
      recurrent('lstm', 'lstm_last', 1),
      recurrent('lstm', 'lstm_narrow_seq', 2, { returnSequences: true, scale: 1.5, precision: NARROW, recurrentActivation: HARD_SIGMOID_KERAS2, reuseFactor: 3 }),
      recurrent('gru', 'gru_before_back', 3, { resetAfter: false, goBackwards: true, reuseFactor: 2, precision: { ...NARROW, param: 'ap_fixed<12,1,AP_RND>' }, activation: { fn: 'relu' }, recurrentActivation: HARD_SIGMOID_KERAS3 }),
      recurrent('simple_rnn', 'rnn_relu_seq', 4, { returnSequences: true, activation: { fn: 'relu' }, recurrentBias: true, reuseFactor: 2 }),
      recurrent('gru', 'bi_fwd', 5, { returnSequences: true, recurrentBias: true }),
      recurrent('gru', 'bi_bwd', 6, { returnSequences: true, recurrentBias: true, goBackwards: true, reverseOutputs: true, reuseFactor: 3 }),
      { kind: 'concatenate', name: 'bi', axis: 1, shape: [T, 2 * U], from: ['bi_fwd', 'bi_bwd'] } as LayerSpec & { from: string[] },
    ];
    await expectExact('rnn_mixed', layers, ['lstm_last', 'lstm_narrow_seq', 'gru_before_back', 'rnn_relu_seq', 'bi'], 'ap_fixed<16,6>', U * (1 + T + 1 + T + 2 * T));
  }, 900_000);

  it.skipIf(!SLOW)('computes wrapping and rounding types, reset_before with a relu candidate, linear and hard_sigmoid SimpleRNNs and a GRU at ReuseFactor above its units', async () => {
    const layers = [
      recurrent('lstm', 'lstm_hard_back', 11, { returnSequences: true, goBackwards: true, recurrentActivation: HARD_SIGMOID_KERAS2, reuseFactor: 2 }),
      recurrent('gru', 'gru_wrap', 12, { resetAfter: false, returnSequences: true, scale: 2, precision: { state: 'ap_fixed<7,2,AP_RND,AP_WRAP>', accum: 'ap_fixed<12,4,AP_TRN,AP_SAT_SYM>', recurrent_table: 'ap_fixed<6,1,AP_RND>' } }),
      recurrent('gru', 'gru_after_rf5', 13, { recurrentBias: true, scale: 1.2, reuseFactor: 5, precision: { accum: 'ap_fixed<11,4,AP_RND_CONV,AP_SAT>', state: 'ap_fixed<9,3,AP_RND_ZERO,AP_SAT>', recurrent_table: 'ap_ufixed<6,0,AP_RND_INF,AP_SAT>' } }),
      recurrent('simple_rnn', 'rnn_linear', 14, { activation: { fn: 'linear' }, goBackwards: true, scale: 2, precision: { table: 'ap_fixed<8,2,AP_RND,AP_SAT>', state: 'ap_fixed<10,3,AP_RND,AP_SAT>', result: 'ap_fixed<6,1,AP_RND,AP_WRAP>' } }),
      recurrent('simple_rnn', 'rnn_hard', 15, { activation: HARD_SIGMOID_KERAS2, returnSequences: true, precision: { param: 'ap_fixed<12,1,AP_RND>' } }),
    ];
    await expectExact('rnn_more', layers, layers.map((l) => l.name), 'ap_fixed<10,4,AP_RND,AP_SAT>', U * (T + T + 1 + 1 + T));
  }, 900_000);
});

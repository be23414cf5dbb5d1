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

describe.skipIf(!hasVerilator)('RTL simulation of recurrent layers agrees with the emulator bit for bit', () => {
  it('computes LSTM, GRU (reset_after both), SimpleRNN, hard_sigmoid gates and go_backwards at the default precision, ReuseFactor 1, 2 and 3', async () => {
    const layers = [
      recurrent('lstm', 'lstm_last', 1),
      recurrent('lstm', 'lstm_hard_seq', 2, { returnSequences: true, recurrentActivation: HARD_SIGMOID_KERAS2, reuseFactor: 2 }),
      recurrent('gru', 'gru_after_seq', 3, { recurrentBias: true, returnSequences: true }),
      recurrent('gru', 'gru_before_back', 4, { resetAfter: false, goBackwards: true, reuseFactor: 3 }),
      recurrent('simple_rnn', 'rnn_relu_seq', 5, { returnSequences: true, activation: { fn: 'relu' }, recurrentBias: true, reuseFactor: 2 }),
    ];
    const run = await expectExact('rnn_default', layers, layers.map((l) => l.name), 'ap_fixed<16,6>', U * (1 + T + T + 1 + T));
    // the slowest layer sets the II: GRU reset_before at ReuseFactor 3 (one lane, three groups, two passes per step)
    expect(run.plan.ii).toBe(Math.max(...run.plan.layers.map((l) => l.ii)));
  }, 900_000);

  it('computes narrow saturating types, Keras 3 hard_sigmoid, reversed outputs and a Bidirectional concatenation at ReuseFactor 1 and 3', async () => {
    const layers = [
      recurrent('lstm', 'lstm_narrow', 11, { returnSequences: true, scale: 1.5, precision: NARROW, recurrentActivation: HARD_SIGMOID_KERAS3, reuseFactor: 3 }),
      recurrent('gru', 'gru_narrow', 12, { resetAfter: false, scale: 1.2, precision: { ...NARROW, param: 'ap_fixed<12,1,AP_RND>' }, activation: { fn: 'relu' } }),
      recurrent('simple_rnn', 'rnn_linear', 13, { activation: { fn: 'linear' }, goBackwards: true, scale: 2, precision: { table: 'ap_fixed<8,2,AP_RND,AP_SAT>', state: 'ap_fixed<10,3,AP_RND,AP_SAT>', result: 'ap_fixed<6,1,AP_RND,AP_WRAP>' } }),
      recurrent('gru', 'bi_fwd', 14, { returnSequences: true, recurrentBias: true }),
      recurrent('gru', 'bi_bwd', 15, { returnSequences: true, recurrentBias: true, goBackwards: true, reverseOutputs: true, reuseFactor: 3 }),
      { kind: 'concatenate', name: 'bi', axis: 1, shape: [T, 2 * U], from: ['bi_fwd', 'bi_bwd'] } as LayerSpec & { from: string[] },
    ];
    await expectExact('rnn_narrow', layers, ['lstm_narrow', 'gru_narrow', 'rnn_linear', 'bi'], 'ap_fixed<10,4,AP_RND,AP_SAT>', U * (T + 1 + 1 + 2 * T));
  }, 900_000);
});

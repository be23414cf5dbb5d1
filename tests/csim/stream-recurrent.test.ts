import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { HARD_SIGMOID_KERAS2 } from '../../src/ir/recurrent.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { convert } from '../../src/pipeline.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';
import { recurrentSpec } from './recurrent-specs.ts';

const TIMEOUT = 600_000;
const SLOW = !!process.env.HLSFORGE_SLOW;
const [T, F, U] = [6, 3, 4];
type Spec = LayerSpec & { from?: string[] };

function dense(name: string, from: string, shape: number[], nIn: number, seed: number, precision?: Record<string, string>): Spec {
  const random = rng(seed);
  const nOut = shape[shape.length - 1];
  return { kind: 'dense', name, from: [from], shape, nIn, nOut, weights: randomArray(random, nIn * nOut, 1.5 / Math.sqrt(nIn)), bias: randomArray(random, nOut, 0.3), precision };
}

const NARROW = { accum: 'ap_fixed<10,4,AP_RND,AP_SAT>', state: 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>', table: 'ap_fixed<8,1,AP_RND,AP_SAT>', recurrent_table: 'ap_ufixed<7,0,AP_RND,AP_SAT>', weight: 'ap_fixed<6,1,AP_RND>', recurrent_weight: 'ap_fixed<5,1>', result: 'ap_fixed<6,2,AP_TRN,AP_WRAP>' };

/**
 * One io_stream design (one g++ build) holding every case: a streamed chain time-distributed dense → relu → LSTM (every
 * step, ReuseFactor 2) → GRU (last state) → dense, and beside it GRU reset_before going backwards, a Bidirectional
 * SimpleRNN (forward and reversed backward halves concatenated), a narrow saturating LSTM with hard_sigmoid gates going
 * backwards, all on one input.
 */
function mixedGraph(): Graph {
  const rec = (o: { from?: string; nIn?: number }) => ({ from: o.from ?? 'x', steps: T, nIn: o.nIn ?? F, units: U });
  const specs: Spec[] = [
    { kind: 'input', name: 'x', shape: [T, F], precision: { result: 'ap_fixed<12,4,AP_RND,AP_SAT>' } },
    // TimeDistributed(Dense) as the Keras frontend has it: a one-tap 1-D convolution
    { ...dense('td dense', 'x', [T, 5], F, 1, { result: 'ap_fixed<12,4,AP_RND,AP_SAT>' }), kind: 'conv', kernel: [1], strides: [1], dilations: [1], padBegin: [0], padEnd: [0] } as Spec,
    { kind: 'relu', name: 'td relu', from: ['td dense'], shape: [T, 5], precision: { result: 'ap_ufixed<10,3,AP_RND,AP_SAT>' } },
    recurrentSpec('lstm', 'lstm seq', 2, { ...rec({ from: 'td relu', nIn: 5 }), returnSequences: true, recurrentBias: true }),
    recurrentSpec('gru', 'gru last', 3, { ...rec({ from: 'lstm seq', nIn: U }), resetAfter: true, recurrentBias: true }),
    dense('head', 'gru last', [3], U, 4),
    recurrentSpec('gru', 'gru back', 5, { ...rec({}), resetAfter: false, returnSequences: true, goBackwards: true, activation: { fn: 'relu' } }),
    // a Bidirectional SimpleRNN as the IR has it: forward and backward (reversed outputs) halves, concatenated per step
    recurrentSpec('simple_rnn', 'rnn fwd', 9, { ...rec({}), returnSequences: true }),
    recurrentSpec('simple_rnn', 'rnn bwd', 6, { ...rec({}), returnSequences: true, goBackwards: true, reverseOutputs: true }),
    { kind: 'concatenate', name: 'bi', axis: 1, shape: [T, 2 * U], from: ['rnn fwd', 'rnn bwd'], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } },
    recurrentSpec('simple_rnn', 'rnn last', 7, { ...rec({}), activation: { fn: 'linear' }, scale: 1.2 }),
    recurrentSpec('lstm', 'lstm narrow', 8, { ...rec({}), goBackwards: true, recurrentActivation: HARD_SIGMOID_KERAS2, scale: 1.5, precision: NARROW }),
  ];
  const reuse: Record<string, number> = { 'lstm seq': 2, 'gru back': 3, 'rnn last': 4 };
  const g = dag(specs, ['head', 'gru back', 'bi', 'rnn last', 'lstm narrow']);
  const graph = { ...g, layers: g.layers.map((l) => (reuse[l.name] ? ({ ...l, reuseFactor: reuse[l.name] } as Layer) : l)) };
  verifyGraph(graph, { configured: true });
  return graph;
}

const work = mkdtempSync(join(tmpdir(), 'hlsforge-stream-recurrent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('io_stream C simulation of recurrent layers agrees with the emulator bit for bit', () => {
  it('streams LSTM, GRU (reset_after both) and SimpleRNN one time step per transfer, mixed with dense layers, forwards and backwards, every step or the last, ReuseFactor 1 to 4', { timeout: TIMEOUT }, async () => {
    const run = await csimAgainstEmulator(mixedGraph(), { batch: 300, seed: 51, range: 3, ioType: 'io_stream' });
    expectBitExact(run);
    expect(run.outputSize).toBe(3 + T * U + 2 * T * U + U + U);
    expect(overflowsOf(run, 'state') + overflowsOf(run, 'accum')).toBeGreaterThan(0);
  });

  // CI streams the LSTM model; the GRU model (reset_before, a second g++ build) is for developers: HLSFORGE_SLOW=1
  const models = [['KERAS_lstm_model', 'lstm', 2, true], ['KERAS_gru_model', 'gru', 4, SLOW]] as const;
  for (const [name, kind, rf, run] of models)
    it.skipIf(!hasShared || !run)(`streams hls4ml's example ${name} at ReuseFactor ${rf} bit for bit`, { timeout: TIMEOUT }, async () => {
      const outputDir = join(work, name);
      const model = sharedPath(`models/hls4ml/example-models/keras/${name}.json`);
      const r = await convert({ model, overrides: { outputDir, projectName: name, ioType: 'io_stream', reuseFactor: rf }, samples: 100, seed: 12 });
      expect(r.graph.layers.filter((l) => l.kind === kind).length).toBe(1);
      const csim = await runCsim(outputDir);
      expect(csim.firstMismatches).toEqual([]);
      expect(csim.mismatches).toBe(0);
      expect(csim.samples).toBe(100);
      expect(csim.outputsCompared).toBe(r.emulation.output.length);
      expect(new Set(r.emulation.output).size).toBeGreaterThan(100);
    });
});

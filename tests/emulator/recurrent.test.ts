import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { KERNELS } from '../../src/emulator/kernels/index.ts';
import { tensor } from '../../src/ir/tensor.ts';
import type { RecurrentLayer } from '../../src/ir/layers.ts';
import { HARD_SIGMOID_KERAS2, HARD_SIGMOID_KERAS3 } from '../../src/ir/recurrent.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain, randomArray, rng, type LayerSpec } from './build-graph.ts';
import { GATES, recurrentSpec as spec, type RecurrentOptions } from '../csim/recurrent-specs.ts';
import { referenceEmulate } from './reference.ts';
import { floatRecurrent } from '../helpers/float-recurrent.ts';

const T = 5;
const N_IN = 3;
const U = 4;
type Options = Omit<RecurrentOptions, 'from' | 'steps' | 'nIn' | 'units'>;

/** The layer 'rnn' reading x [T, N_IN] with seeded random weights (10% zeros). */
function recurrentSpec(kind: keyof typeof GATES, seed: number, o: Options = {}): LayerSpec {
  const { from: _, ...layer } = spec(kind, 'rnn', seed, { from: 'x', steps: T, nIn: N_IN, units: U, ...o });
  return layer;
}

const graphOf = (layer: LayerSpec, input = 'ap_fixed<16,6>') => chain([{ kind: 'input', name: 'x', shape: [T, N_IN], precision: { result: input } }, layer]);

const CASES: { name: string; layer: LayerSpec; input?: string }[] = [
  { name: 'an LSTM at the default precisions, last state', layer: recurrentSpec('lstm', 1) },
  { name: 'an LSTM returning its sequence, going backwards, hard_sigmoid (Keras 2) gates', layer: recurrentSpec('lstm', 2, { returnSequences: true, goBackwards: true, recurrentActivation: HARD_SIGMOID_KERAS2 }) },
  { name: 'an LSTM with narrow saturating types and a rounding state', layer: recurrentSpec('lstm', 3, { returnSequences: true, scale: 1.5, precision: { accum: 'ap_fixed<10,4,AP_RND,AP_SAT>', state: 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>', table: 'ap_fixed<8,1,AP_RND,AP_SAT>', recurrent_table: 'ap_ufixed<7,0,AP_RND,AP_SAT>', weight: 'ap_fixed<6,1,AP_RND>', recurrent_weight: 'ap_fixed<5,1>', result: 'ap_fixed<6,2,AP_TRN,AP_WRAP>' } }) },
  { name: 'an LSTM with wide types (the BigInt dense path)', input: 'ap_fixed<30,10>', layer: recurrentSpec('lstm', 4, { precision: { accum: 'ap_fixed<50,14,AP_RND>', weight: 'ap_fixed<26,2>', recurrent_weight: 'ap_fixed<26,2>', state: 'ap_fixed<40,8>', table: 'ap_fixed<24,2>', recurrent_table: 'ap_fixed<24,2>', result: 'ap_fixed<40,8>' } }) },
  { name: 'a GRU with reset_after and recurrent biases', layer: recurrentSpec('gru', 5, { recurrentBias: true, returnSequences: true }) },
  { name: 'a GRU with reset_before, relu activation, hard_sigmoid (Keras 3) gates', layer: recurrentSpec('gru', 6, { resetAfter: false, activation: { fn: 'relu' }, recurrentActivation: HARD_SIGMOID_KERAS3, precision: { param: 'ap_fixed<18,2,AP_RND>', table: 'ap_fixed<10,3,AP_RND,AP_SAT>' } }) },
  { name: 'a GRU with reset_before, narrow wrapping state, outputs aligned backwards', layer: recurrentSpec('gru', 7, { resetAfter: false, goBackwards: true, reverseOutputs: true, returnSequences: true, scale: 2, precision: { state: 'ap_fixed<7,2,AP_RND,AP_WRAP>', accum: 'ap_fixed<12,4,AP_TRN,AP_SAT_SYM>', recurrent_table: 'ap_fixed<6,1,AP_RND>' } }) },
  { name: 'a SimpleRNN with a linear activation, a narrow saturating state and a wrapping result', layer: recurrentSpec('simple_rnn', 8, { activation: { fn: 'linear' }, returnSequences: true, scale: 2, precision: { table: 'ap_fixed<8,2,AP_RND,AP_SAT>', state: 'ap_fixed<10,3,AP_RND,AP_SAT>', result: 'ap_fixed<6,1,AP_RND,AP_WRAP>' } }) },
  { name: 'a GRU with a convergent-rounding saturating accum (the exact-double dense path)', layer: recurrentSpec('gru', 12, { recurrentBias: true, precision: { accum: 'ap_fixed<20,6,AP_RND_CONV,AP_SAT>', state: 'ap_fixed<14,4,AP_RND_ZERO,AP_SAT>' } }) },
  { name: 'a SimpleRNN with tanh and recurrent biases', layer: recurrentSpec('simple_rnn', 9, { recurrentBias: true }) },
];

describe('recurrent layers in the emulator', () => {
  for (const c of CASES) {
    it(`computes ${c.name} exactly like the BigInt oracle`, () => {
      const graph = graphOf(c.layer, c.input);
      verifyGraph(graph, { configured: true });
      const batch = 150;
      const inputs = randomArray(rng(c.name.length), batch * T * N_IN, 3, 0.05);
      const got = emulate(graph, inputs, batch);
      const want = referenceEmulate(graph, inputs, batch);
      expect(Array.from(got.output)).toEqual(want.output);
      expect(got.overflowsByVar).toEqual(want.overflowsByVar);
      expect(new Set(got.output).size).toBeGreaterThan(10);
    });
  }

  it('runs the matrix-vector products on every dense path: 32-bit SIMD, exact doubles and BigInt', () => {
    const variants = new Set(
      CASES.flatMap((c) => {
        const g = graphOf(c.layer, c.input);
        const [x, l] = g.layers;
        const step = KERNELS[l.kind as 'lstm'].fixed(l as never, [tensor(x.shape, x.precision.result)], { stats: () => ({ overflows: 0 }) });
        return step.variant!.split(', ').map((v) => v.split(' ')[1]);
      }),
    );
    expect([...variants].sort()).toEqual(['bigint', 'number', 'simd']);
  });

  it('counts overflows of the state, accum and result when narrow types saturate or wrap', () => {
    const narrow = CASES.filter((c) => /narrow/.test(c.name));
    const counted = new Set(narrow.flatMap((c) => Object.keys(emulate(graphOf(c.layer), randomArray(rng(1), 150 * T * N_IN, 3), 150).overflowsByVar.rnn ?? {})));
    expect([...counted].sort()).toEqual(expect.arrayContaining(['accum', 'result', 'state']));
  });

  for (const c of CASES) {
    it(`computes ${c.name} in float mode like the plain float reference`, () => {
      const graph = graphOf(c.layer, c.input);
      const batch = 40;
      const inputs = randomArray(rng(c.name.length + 100), batch * T * N_IN, 3);
      const got = emulate(graph, inputs, batch, { mode: 'float' }).output;
      const want = floatRecurrent(graph.layers[1] as RecurrentLayer, inputs, batch);
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-12);
    });
  }

  it('gives each processing step its own output position: going backwards reverses the sequence unless realigned', () => {
    const fwd = recurrentSpec('simple_rnn', 11, { returnSequences: true }) as RecurrentLayer;
    const inputs = randomArray(rng(3), T * N_IN, 2);
    const reversedIn = new Float64Array(T * N_IN);
    for (let t = 0; t < T; t++) reversedIn.set(inputs.subarray((T - 1 - t) * N_IN, (T - t) * N_IN), t * N_IN);
    const run = (l: LayerSpec, x: Float64Array) => Array.from(emulate(graphOf(l), x, 1).output);
    const forwardOnReversed = run(fwd as LayerSpec, reversedIn);
    expect(run({ ...fwd, goBackwards: true } as LayerSpec, inputs)).toEqual(forwardOnReversed);
    const aligned = run({ ...fwd, goBackwards: true, reverseOutputs: true } as LayerSpec, inputs);
    for (let t = 0; t < T; t++) expect(aligned.slice(t * U, (t + 1) * U)).toEqual(forwardOnReversed.slice((T - 1 - t) * U, (T - t) * U));
  });
});

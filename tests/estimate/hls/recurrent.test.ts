import { describe, expect, it } from 'vitest';
import { estimateHls } from '../../../src/estimate/hls/estimate-hls.ts';
import { HLS_RULES } from '../../../src/estimate/hls/model.ts';
import { stepBuffer } from '../../../src/estimate/hls/recurrent.ts';
import { fixedType } from '../../../src/fixed/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import type { DenseLayer, LayerOf, RecurrentLayer } from '../../../src/ir/layers.ts';
import { HARD_SIGMOID_KERAS2 } from '../../../src/ir/recurrent.ts';
import { chain, randomArray, rng, type LayerSpec } from '../../emulator/build-graph.ts';
import { projectConfig } from '../../backends/hls/graph-builders.ts';

const [T, N_IN, U] = [7, 3, 5];
const inType = fixedType(16, 6);

function graphOf(kind: 'lstm' | 'gru' | 'simple_rnn', reuseFactor: number, extra: Record<string, unknown> = {}): Graph {
  const random = rng(3);
  const g = { lstm: 4, gru: 3, simple_rnn: 1 }[kind] * U;
  const spec = {
    kind, name: 'rnn', shape: [U], units: U, nIn: N_IN, steps: T, returnSequences: false, goBackwards: false, reverseOutputs: false,
    activation: { fn: 'tanh' }, recurrentActivation: { fn: 'sigmoid' }, resetAfter: true,
    kernel: randomArray(random, N_IN * g, 0.7), recurrentKernel: randomArray(random, U * g, 0.7), bias: randomArray(random, g, 0.3),
    recurrentBias: new Float64Array(g), tableSize: 1024, ...extra,
  } as unknown as LayerSpec;
  const graph = chain([{ kind: 'input', name: 'x', shape: [T, N_IN] }, spec]);
  return { ...graph, layers: graph.layers.map((l) => (l.kind === 'input' ? l : { ...l, reuseFactor })) };
}

const layerOf = (g: Graph) => g.layers[1] as RecurrentLayer;
const ctx = { inType, inSize: T * N_IN, inShape: [T, N_IN] };

/** The dense rule on one gate product of the layer, built independently of the rule under test. */
function denseCost(l: RecurrentLayer, nIn: number, weights: Float64Array, bias: Float64Array, weight: 'weight' | 'recurrent_weight', input = inType) {
  const dense: DenseLayer = { kind: 'dense', name: 'd', inputs: [], shape: [bias.length], nIn, nOut: bias.length, weights, bias, precision: { weight: l.precision[weight], bias: l.precision.bias, accum: l.precision.accum, result: l.precision.accum! }, reuseFactor: l.reuseFactor, strategy: l.strategy };
  return HLS_RULES.dense(dense, { inType: input, inSize: nIn, inShape: [nIn] });
}

describe('HLS model of recurrent layers', () => {
  it('prices the gate products as the two dense layers of the cell plus the state-update products', () => {
    for (const kind of ['lstm', 'gru', 'simple_rnn'] as const) {
      const l = layerOf(graphOf(kind, 1));
      const e = HLS_RULES[kind](l as never, ctx);
      const a = denseCost(l, N_IN, l.kernel, l.bias, 'weight');
      const r = denseCost(l, U, l.recurrentKernel, l.recurrentBias, 'recurrent_weight', l.precision.state);
      const updates = { lstm: 3 * U, gru: 3 * U, simple_rnn: 0 }[kind];
      const count = (m: { dsp: number; lut: number; free: number }) => m.dsp + m.lut + m.free;
      expect(count(e.multipliers), kind).toBe(count(a.multipliers) + count(r.multipliers) + updates);
      expect(e.dsp).toBeGreaterThanOrEqual(a.dsp + r.dsp);
      expect(e.latencyCycles, kind).toBe(T + a.latencyCycles + r.latencyCycles + 3);
    }
  });

  it('shares the gate multipliers over the reuse factor and adds T cycles per extra reuse', () => {
    const [one, four] = [layerOf(graphOf('lstm', 1)), layerOf(graphOf('lstm', 4))] as LayerOf<'lstm'>[];
    const [e1, e4] = [HLS_RULES.lstm(one, ctx), HLS_RULES.lstm(four, ctx)];
    const gates = (e: typeof e1) => e.multipliers.dsp + e.multipliers.lut + e.multipliers.free - 3 * U;
    expect(gates(e4)).toBe(Math.ceil(one.kernel.filter((w) => w !== 0).length / 4) + Math.ceil(one.recurrentKernel.filter((w) => w !== 0).length / 4));
    expect(gates(e1)).toBeGreaterThan(2 * gates(e4));
    // a step every 4 cycles instead of every cycle: 3·T more cycles, plus the resource-strategy dense depth
    expect(e4.latencyCycles - e1.latencyCycles).toBeGreaterThanOrEqual(3 * T);
  });

  it('needs no table ROMs when no cell activation is a table', () => {
    const l = layerOf(graphOf('gru', 1, { activation: { fn: 'relu' }, recurrentActivation: HARD_SIGMOID_KERAS2 })) as LayerOf<'gru'>;
    const tabled = layerOf(graphOf('gru', 1)) as LayerOf<'gru'>;
    expect(HLS_RULES.gru(l, ctx).bram).toBe(0);
    expect(HLS_RULES.gru(tabled, ctx).bram).toBeGreaterThan(0);
  });

  it('reports a recurrent layer with the II of one step every R cycles over the T steps', () => {
    const e = estimateHls(graphOf('gru', 2), projectConfig('est', '/tmp/unused'));
    const rnn = e.layers.find((l) => l.name === 'rnn')!;
    expect(rnn.ii).toBe(T * 2);
    expect(e.latencyCycles).toBeGreaterThan(T * 2);
  });

  it('costs io_stream: a forward layer as io_parallel, the sequence buffer going backwards and the output buffer of reversed outputs on top', () => {
    const estimate = (extra: Record<string, unknown>, ioType: 'io_parallel' | 'io_stream') =>
      estimateHls(graphOf('lstm', 2, extra), { ...projectConfig('est', '/tmp/unused'), ioType }).layers.find((l) => l.name === 'rnn')!;
    const same = (a: ReturnType<typeof estimate>, b: ReturnType<typeof estimate>) => expect({ ...a, ff: 0, latencyCycles: 0 }).toEqual({ ...b, ff: 0, latencyCycles: 0 });
    const forward = estimate({}, 'io_parallel');
    expect(estimate({}, 'io_stream')).toEqual(forward);
    // going backwards the T·F input values (ap_fixed<16,6>: 7·3·16 = 336 bits, registers) are read in first, one step per cycle
    const back = estimate({ goBackwards: true }, 'io_stream');
    same(back, forward);
    expect(back.ff - forward.ff).toBe(T * N_IN * 16);
    expect(back.latencyCycles - forward.latencyCycles).toBe(T);
    expect(estimate({ goBackwards: true }, 'io_parallel')).toEqual(forward);
    // reversed outputs with return_sequences: T·u result values held and written after the last step
    const reversed = estimate({ goBackwards: true, reverseOutputs: true, returnSequences: true, shape: [T, U] }, 'io_stream');
    const reversedParallel = estimate({ goBackwards: true, reverseOutputs: true, returnSequences: true, shape: [T, U] }, 'io_parallel');
    expect(reversed.ff - reversedParallel.ff).toBe(T * N_IN * 16 + T * U * 16);
    expect(reversed.latencyCycles - reversedParallel.latencyCycles).toBe(2 * T);
  });

  it('keeps a step buffer in registers below 1024 bits and in BRAM18s one step wide above', () => {
    expect(stepBuffer(7, 48)).toEqual({ ff: 336, bram: 0 });
    // 100 steps × 64 features × 16 bits: a 1024-bit word needs ⌈1024/36⌉ = 29 BRAM18s (14.5 BRAM36) of depth ≤ 512
    expect(stepBuffer(100, 1024)).toEqual({ ff: 0, bram: 14.5 });
    expect(stepBuffer(600, 36)).toEqual({ ff: 0, bram: 1 });
  });
});

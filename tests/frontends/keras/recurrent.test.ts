import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { CellActivation, RecurrentLayer } from '../../../src/ir/layers.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { floatRecurrent } from '../../helpers/float-recurrent.ts';
import { thrown } from '../../helpers/thrown.ts';
import { ready, values, writeFullH5, writeKeras3, type Weights } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { quantizedBits } from './reference-mlp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };
const [T, F, U] = [4, 3, 3];
const GATES = { LSTM: 4, GRU: 3, SimpleRNN: 1 } as const;
type Cls = keyof typeof GATES;

/** Seeded raw variables of one recurrent cell, in Keras's shapes. */
function cellVars(cls: Cls, seed: number, opts: { resetAfter?: boolean; useBias?: boolean } = {}) {
  const g = GATES[cls] * U;
  const vars = [
    { shape: [F, g], data: values(F * g, seed) },
    { shape: [U, g], data: values(U * g, seed + 1) },
  ];
  if (opts.useBias !== false) vars.push(opts.resetAfter ? { shape: [2, g], data: values(2 * g, seed + 2) } : { shape: [g], data: values(g, seed + 2) });
  return vars;
}

/** The reference cell from the raw variables (not through the frontend): Keras's equations in tests/helpers. */
function refCell(cls: Cls, vars: { data: number[] }[], o: { act?: CellActivation; ract?: CellActivation; resetAfter?: boolean; seq?: boolean }): RecurrentLayer {
  const g = GATES[cls] * U;
  const bias = vars[2] ? Float64Array.from(vars[2].data) : new Float64Array(g);
  const kind = { LSTM: 'lstm', GRU: 'gru', SimpleRNN: 'simple_rnn' }[cls];
  return {
    kind, name: 'ref', units: U, nIn: F, steps: T, returnSequences: o.seq ?? false, goBackwards: false, reverseOutputs: false,
    activation: o.act ?? { fn: 'tanh' }, recurrentActivation: o.ract ?? { fn: 'sigmoid' }, resetAfter: o.resetAfter ?? false,
    kernel: Float64Array.from(vars[0].data), recurrentKernel: Float64Array.from(vars[1].data),
    bias: bias.slice(0, g), recurrentBias: o.resetAfter ? bias.slice(g) : new Float64Array(g),
  } as unknown as RecurrentLayer;
}

/** Each sample's time steps in reverse order (for sequences: [batch][T][width]). */
function reverseTime(x: Float64Array, batch: number, width: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let r = 0; r < batch; r++) for (let t = 0; t < T; t++) y.set(x.subarray((r * T + t) * width, (r * T + t + 1) * width), (r * T + T - 1 - t) * width);
  return y;
}

const input2 = { class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, T, F] } };
const input3 = { module: 'keras.layers', class_name: 'InputLayer', config: { name: 'x', batch_shape: [null, T, F] } };

/** Keras 2 (TF 2 names: `<layer>/<cell>/<var>:0`) full-model .h5 of Sequential [input, layer]. */
function keras2(name: string, layer: { class_name: string; config: Record<string, unknown> }, weights: Weights): string {
  const file = join(dir, `${name}.h5`);
  const layerName = String(layer.config.name);
  writeFullH5(file, { class_name: 'Sequential', config: { name, layers: [input2, layer] } }, { [layerName]: weights[layerName] ?? {} }, ['x', layerName]);
  return file;
}
/** Keras 3 .keras of Sequential [input, layer], vars under the given saving paths. */
function keras3(name: string, layer: { class_name: string; config: Record<string, unknown> }, vars: Record<string, { shape: number[]; data: number[] }[]>): string {
  const file = join(dir, `${name}.keras`);
  writeKeras3(file, { module: 'keras', class_name: 'Sequential', config: { name, layers: [input3, { module: 'keras.layers', ...layer }] } }, vars);
  return file;
}
const named = (prefix: string, vars: { shape: number[]; data: number[] }[], names = ['kernel', 'recurrent_kernel', 'bias']) =>
  Object.fromEntries(vars.map((v, i) => [`${prefix}/${names[i]}:0`, v]));

const BATCH = 30;
const X = Float64Array.from(values(BATCH * T * F, 99), (v) => 2 * v);
const expectClose = (got: Float64Array, want: Float64Array) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5);
};
const floatOf = (file: string) => {
  const g = loadKeras(file, P);
  verifyGraph(g);
  return { g, y: emulate(g, X, BATCH, { mode: 'float' }).output };
};

describe('Keras recurrent layers', () => {
  it('LSTM (Keras 2 .h5, TF 2 cell names, last state) computes Keras\'s LSTM', () => {
    const v = cellVars('LSTM', 1);
    const file = keras2('lstm2', { class_name: 'LSTM', config: { name: 'lstm', units: U, activation: 'tanh', recurrent_activation: 'sigmoid' } }, { lstm: named('lstm/lstm_cell', v) });
    const { g, y } = floatOf(file);
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'lstm']);
    expectClose(y, floatRecurrent(refCell('LSTM', v, {}), X, BATCH));
  });

  it('LSTM (Keras 3 .keras, return_sequences, hard_sigmoid gates = clip(x/6 + 0.5)) computes Keras\'s LSTM', () => {
    const v = cellVars('LSTM', 2);
    const file = keras3('lstm3', { class_name: 'LSTM', config: { name: 'lstm', units: U, recurrent_activation: 'hard_sigmoid', return_sequences: true } }, { 'layers/lstm/cell': v });
    const { g, y } = floatOf(file);
    expect(g.layers[1].shape).toEqual([T, U]);
    expectClose(y, floatRecurrent(refCell('LSTM', v, { seq: true, ract: { fn: 'hard_sigmoid', alpha: 1 / 6, beta: 0.5 } }), X, BATCH));
  });

  it('LSTM (Keras 2, go_backwards, return_sequences, hard_sigmoid = clip(0.2x + 0.5)) returns the reversed-order sequence of the reversed input', () => {
    const v = cellVars('LSTM', 3);
    const file = keras2('lstmback', { class_name: 'LSTM', config: { name: 'back', units: U, recurrent_activation: 'hard_sigmoid', go_backwards: true, return_sequences: true } }, { back: named('back/lstm_cell_1', v) });
    const { y } = floatOf(file);
    expectClose(y, floatRecurrent(refCell('LSTM', v, { seq: true, ract: { fn: 'hard_sigmoid', alpha: 0.2, beta: 0.5 } }), reverseTime(X, BATCH, F), BATCH));
  });

  it('GRU with reset_after (Keras 3, bias [2, 3·units]) computes Keras\'s GRU', () => {
    const v = cellVars('GRU', 4, { resetAfter: true });
    const file = keras3('gru3', { class_name: 'GRU', config: { name: 'gru', units: U, reset_after: true, return_sequences: true } }, { 'layers/gru/cell': v });
    const { y } = floatOf(file);
    expectClose(y, floatRecurrent(refCell('GRU', v, { resetAfter: true, seq: true }), X, BATCH));
  });

  it('GRU with reset_after false (Keras 2) computes Keras\'s GRU', () => {
    const v = cellVars('GRU', 5);
    const file = keras2('gru2', { class_name: 'GRU', config: { name: 'gru', units: U, reset_after: false, activation: 'relu' } }, { gru: named('gru/gru_cell', v) });
    const { y } = floatOf(file);
    expectClose(y, floatRecurrent(refCell('GRU', v, { act: { fn: 'relu' } }), X, BATCH));
  });

  it('SimpleRNN without bias (Keras 3, relu, and activation None = linear) computes Keras\'s SimpleRNN', () => {
    const v = cellVars('SimpleRNN', 6, { useBias: false });
    const file = keras3('rnn3', { class_name: 'SimpleRNN', config: { name: 'rnn', units: U, activation: 'relu', use_bias: false } }, { 'layers/simple_rnn/cell': v });
    const { y } = floatOf(file);
    expectClose(y, floatRecurrent(refCell('SimpleRNN', v, { act: { fn: 'relu' } }), X, BATCH));
    // activation None (JSON null) is Keras's linear
    const linear = keras3('rnnlinear', { class_name: 'SimpleRNN', config: { name: 'rnn', units: U, activation: null, use_bias: false } }, { 'layers/simple_rnn/cell': v });
    expectClose(floatOf(linear).y, floatRecurrent(refCell('SimpleRNN', v, { act: { fn: 'linear' } }), X, BATCH));
  });

  it('Bidirectional(LSTM, concat, return_sequences) (Keras 2) lays the forward and the realigned backward sequence side by side', () => {
    const [fv, bv] = [cellVars('LSTM', 7), cellVars('LSTM', 10)];
    const inner = { class_name: 'LSTM', config: { name: 'lstm', units: U, return_sequences: true } };
    const weights = { bi: { ...named('bi/forward_lstm/lstm_cell_1', fv), ...named('bi/backward_lstm/lstm_cell_2', bv) } };
    const { g, y } = floatOf(keras2('bi2', { class_name: 'Bidirectional', config: { name: 'bi', layer: inner, merge_mode: 'concat' } }, weights));
    expect(g.layers.map((l) => `${l.name}:${l.kind}`)).toEqual(['x:input', 'bi_forward:lstm', 'bi_backward:lstm', 'bi:concatenate']);
    const fwd = floatRecurrent(refCell('LSTM', fv, { seq: true }), X, BATCH);
    const bwd = reverseTime(floatRecurrent(refCell('LSTM', bv, { seq: true }), reverseTime(X, BATCH, F), BATCH), BATCH, U);
    const want = new Float64Array(BATCH * T * 2 * U);
    for (let s = 0; s < BATCH * T; s++) want.set([...fwd.subarray(s * U, (s + 1) * U), ...bwd.subarray(s * U, (s + 1) * U)], s * 2 * U);
    expectClose(y, want);
  });

  it('Bidirectional(GRU, sum, last state) (Keras 3) adds the forward state and the state after reading backwards', () => {
    const [fv, bv] = [cellVars('GRU', 11, { resetAfter: true }), cellVars('GRU', 14, { resetAfter: true })];
    const inner = { class_name: 'GRU', config: { name: 'gru', units: U, reset_after: true } };
    const file = keras3('bi3', { class_name: 'Bidirectional', config: { name: 'bi', layer: inner, merge_mode: 'sum' } }, { 'layers/bidirectional/forward_layer/cell': fv, 'layers/bidirectional/backward_layer/cell': bv });
    const { g, y } = floatOf(file);
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'gru', 'gru', 'merge']);
    const fwd = floatRecurrent(refCell('GRU', fv, { resetAfter: true }), X, BATCH);
    const bwd = floatRecurrent(refCell('GRU', bv, { resetAfter: true }), reverseTime(X, BATCH, F), BATCH);
    expectClose(y, fwd.map((v, i) => v + bwd[i]));
  });

  it('QLSTM folds its kernel_quantizer and recurrent_quantizer into the weights and declares their types', () => {
    const v = cellVars('LSTM', 15);
    const config = { name: 'q', units: U, kernel_quantizer: 'quantized_bits(6,0,alpha=1)', recurrent_quantizer: 'quantized_bits(5,0,alpha=1)' };
    const { g, y } = floatOf(keras2('qlstm', { class_name: 'QLSTM', config }, { q: named('q/qlstm_cell', v) }));
    const l = g.layers[1] as RecurrentLayer;
    expect(l.declared?.weight).toEqual(parseFixedType('ap_fixed<6,1,AP_RND_CONV,AP_SAT>'));
    expect(l.declared?.recurrent_weight).toEqual(parseFixedType('ap_fixed<5,1,AP_RND_CONV,AP_SAT>'));
    const quantized = [{ data: v[0].data.map(quantizedBits(6, 0)) }, { data: v[1].data.map(quantizedBits(5, 0)) }, v[2]];
    expect(Array.from(l.kernel)).toEqual(quantized[0].data);
    expectClose(y, floatRecurrent(refCell('LSTM', quantized, {}), X, BATCH));
  });

  it('TimeDistributed(Dense) becomes a one-tap convolution over the time steps (a dense on the last axis) and its activation, computing Dense at every step', () => {
    const k = { shape: [F, 5], data: values(F * 5, 20) };
    const b = { shape: [5], data: values(5, 21) };
    const inner = { class_name: 'Dense', config: { name: 'd', units: 5, activation: 'relu' } };
    const { g } = { g: loadKeras(keras3('td', { class_name: 'TimeDistributed', config: { name: 'td', layer: inner } }, { 'layers/time_distributed/layer': [k, b] }), P) };
    verifyGraph(g);
    const conv = g.layers[1];
    expect(conv).toMatchObject({ kind: 'conv', shape: [T, 5], nIn: F, nOut: 5, kernel: [1], strides: [1] });
    expect(conv.kind === 'conv' && Array.from(conv.weights)).toEqual(k.data);
    expect(g.layers[2]).toMatchObject({ kind: 'relu', shape: [T, 5] });
    const want: number[] = [];
    for (let s = 0; s < BATCH * T; s++)
      for (let j = 0; j < 5; j++) want.push(Math.max(0, b.data[j] + [0, 1, 2].reduce((acc, i) => acc + X[s * F + i] * k.data[i * 5 + j], 0)));
    expectClose(emulate(g, X, BATCH, { mode: 'float' }).output, Float64Array.from(want));
  });

  it('refuses a stateful layer, an activation it cannot compute and a Bidirectional without merge, with catalogued errors', () => {
    const v = cellVars('SimpleRNN', 30);
    const rnn = (name: string, config: Record<string, unknown>) => keras3(name, { class_name: 'SimpleRNN', config: { name: 'rnn', units: U, ...config } }, { 'layers/simple_rnn/cell': v });
    const stateful = rnn('stateful', { stateful: true });
    expect(thrown(() => loadKeras(stateful, P)).message).toBe(`${stateful}: layer 'rnn' (SimpleRNN): unsupported attribute value: stateful must be false, not true`);
    const softmax = rnn('softmax', { activation: 'softmax' });
    const e = thrown(() => loadKeras(softmax, P));
    expect(e.code).toBe('unsupported-attribute');
    expect(e.message).toBe(`${softmax}: layer 'rnn' (SimpleRNN): unsupported attribute value: activation must be a cell activation hlsforge computes exactly, not 'softmax'; supported: tanh, sigmoid, hard_sigmoid, relu, linear`);
    const inner = { class_name: 'SimpleRNN', config: { name: 'r', units: U } };
    const none = keras3('nomerge', { class_name: 'Bidirectional', config: { name: 'bi', layer: inner, merge_mode: null } }, {});
    expect(thrown(() => loadKeras(none, P)).message).toBe(`${none}: layer 'bi' (Bidirectional): unsupported attribute value: merge_mode must be one of concat, sum, mul, ave, not null`);
  });
});

import { describe, expect, it } from 'vitest';
import { OnnxModelBuilder, float, floats, int, str, strs, type AttrValue } from '../../fixtures/onnx-builder.ts';
import { layerOf, parse, ramp, thrown } from './helpers.ts';

const [T, N_IN, H] = [5, 3, 4];
const GATES = { LSTM: 4, GRU: 3, RNN: 1 } as const;
type Op = keyof typeof GATES;

/**
 * x [T, N, n] (time-major) → one recurrent node → its outputs listed in `outputs` (graph outputs), with W, R, B and
 * optional extra inputs after B (name, initializer dims and values; no values: a tensor of the graph, '' left out).
 */
function model(op: Op, o: { attrs?: Record<string, AttrValue>; extra?: [string, number[], number[]][]; outputs?: string[]; nodeOutputs?: string[] } = {}): OnnxModelBuilder {
  const g = GATES[op] * H;
  const m = new OnnxModelBuilder({ opset: 14 }).input('x', [T, 'N', N_IN])
    .initializer('W', [1, g, N_IN], ramp(g * N_IN)).initializer('R', [1, g, H], ramp(g * H, 3)).initializer('B', [1, 2 * g], ramp(2 * g, 5));
  for (const [name, dims, values] of o.extra ?? []) if (name && values.length) m.initializer(name, dims, values, name === 'seq' ? { dtype: 'int32' } : undefined);
  const ins = ['x', 'W', 'R', 'B', ...(o.extra ?? []).map(([name]) => name)];
  m.node(op, ins, o.nodeOutputs ?? ['Y', 'Y_h'], { hidden_size: int(H), ...o.attrs }, 'rec');
  for (const out of o.outputs ?? ['Y']) m.output(out);
  return m;
}

const error = (m: OnnxModelBuilder): [string, string] => {
  const e = thrown(() => parse(m));
  return [e.code, e.message];
};

const at = (op: string, layer = 'rec') => `test.onnx: layer '${layer}' (${op})`;

describe('ONNX recurrent ops: what hlsforge refuses, in one catalogued line each', () => {
  it('refuses the clip attribute', () => {
    expect(error(model('LSTM', { attrs: { clip: float(3) } }))).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: clip must be absent (no cell clipping), not 3`]);
  });

  it('refuses input_forget = 1', () => {
    expect(error(model('LSTM', { attrs: { input_forget: int(1) } }))).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: input_forget must be 0, not 1`]);
  });

  it('refuses a sequence_lens shorter than the sequence', () => {
    expect(error(model('GRU', { extra: [['seq', [1], [3]]] }))).toEqual(['unsupported-attribute', `${at('GRU')}: unsupported attribute value: sequence_lens must be absent or equal to the ${T} time steps, not a constant holding 3`]);
  });

  it('refuses a non-zero initial state', () => {
    expect(error(model('RNN', { extra: [['', [], []], ['h0', [1, 1, H], [0, 0.5, 0, 0]]] }))).toEqual(['unsupported-attribute', `${at('RNN')}: unsupported attribute value: initial_h must be absent or zero (the state starts at 0), not a constant holding 0.5`]);
    expect(error(model('LSTM', { extra: [['', [], []], ['', [], []], ['c0', [1, 1, H], [1, 0, 0, 0]]] }))).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: initial_c must be absent or zero (the state starts at 0), not a constant holding 1`]);
  });

  it('refuses an initial state computed from the input', () => {
    const m = model('GRU', { extra: [['', [], []], ['x', [], []]] });
    expect(error(m)).toEqual(['unsupported-topology', `${at('GRU')}: unsupported graph topology: initial_h must be absent or a constant zero (the state starts at 0), not the output of layer 'x'`]);
  });

  it('refuses peephole weights and a read of the cell state Y_c', () => {
    const p = model('LSTM', { extra: [['', [], []], ['', [], []], ['', [], []], ['P', [1, 3 * H], ramp(3 * H)]] });
    expect(error(p)).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: P (the peephole weights) must be absent or zero, not a constant holding ${ramp(1)[0]}`]);
    const yc = model('LSTM', { nodeOutputs: ['Y', 'Y_h', 'Y_c'], outputs: ['Y', 'Y_c'] });
    expect(error(yc)).toEqual(['unsupported-topology', `${at('LSTM')}: unsupported graph topology: output Y_c (the cell state) must be unused, not read by 1 nodes or outputs`]);
  });

  it('refuses activations the IR has no cell activation for, different g and h, and activation_alpha', () => {
    expect(error(model('LSTM', { attrs: { activations: strs(['Sigmoid', 'Elu', 'Elu']) } }))).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: activations must be cell activations hlsforge computes exactly, not 'Elu'; supported: Sigmoid, Tanh, Relu, HardSigmoid`]);
    expect(error(model('LSTM', { attrs: { activations: strs(['Sigmoid', 'Tanh', 'Relu']) } }))).toEqual(['unsupported-attribute', `${at('LSTM')}: unsupported attribute value: activations g and h must be the same function (the cell's one activation), not tanh and relu`]);
    expect(error(model('GRU', { attrs: { activations: strs(['Sigmoid']) } }))).toEqual(['unsupported-attribute', `${at('GRU')}: unsupported attribute value: activations must list 2 functions (2 per direction), not 1`]);
    expect(error(model('RNN', { attrs: { activations: strs(['HardSigmoid']), activation_alpha: floats([0.3]) } }))).toEqual(['unsupported-attribute', `${at('RNN')}: unsupported attribute value: activation_alpha must be absent (HardSigmoid at ONNX's α = 0.2, β = 0.5), not [0.30000001192092896]`]);
  });

  it('refuses linear_before_reset other than 0 and 1, and an unknown direction', () => {
    expect(error(model('GRU', { attrs: { linear_before_reset: int(2) } }))).toEqual(['unsupported-attribute', `${at('GRU')}: unsupported attribute value: linear_before_reset must be 0 or 1, not 2`]);
    expect(error(model('RNN', { attrs: { direction: str('sideways') } }))).toEqual(['unsupported-attribute', `${at('RNN')}: unsupported attribute value: direction must be one of forward, reverse, bidirectional, not 'sideways'`]);
  });

  it('refuses a batch-first X under layout 0, and weights of the wrong shape', () => {
    const m = new OnnxModelBuilder({ opset: 14 }).input('x', ['N', T, N_IN]).initializer('W', [1, H, N_IN], ramp(H * N_IN)).initializer('R', [1, H, H], ramp(H * H))
      .node('RNN', ['x', 'W', 'R'], ['Y'], { hidden_size: int(H) }, 'rec').output('Y');
    expect(error(m)).toEqual(['shape-mismatch', `${at('RNN')}: shape mismatch: X must be [T, batch, n] (layout 0), not [batch, ${T}, ${N_IN}]`]);
    const w = new OnnxModelBuilder({ opset: 14 }).input('x', [T, 'N', N_IN]).initializer('W', [1, H, N_IN + 1], ramp(H * (N_IN + 1))).initializer('R', [1, H, H], ramp(H * H))
      .node('RNN', ['x', 'W', 'R'], ['Y'], { hidden_size: int(H) }, 'rec').output('Y');
    expect(error(w)).toEqual(['shape-mismatch', `${at('RNN')}: shape mismatch: W (the input weights) must have shape [1, ${H}, ${N_IN}], not [1, ${H}, ${N_IN + 1}]`]);
  });

  it('refuses a time-major tensor read by an op that needs the batch axis first', () => {
    const m = model('RNN').node('Relu', ['Y'], ['z'], {}, 'relu');
    m.output('z');
    expect(error(m)).toEqual(['unsupported-topology', `${at('Relu', 'relu')}: unsupported graph topology: input 0 must have the batch axis first, not [${T}, 1, batch, ${H}] (a time-major tensor of a recurrent op: transpose the batch axis to the front)`]);
  });

  it('refuses a Gather of a step other than the last one', () => {
    const m = model('GRU').initializer('k', [], [1], { dtype: 'int64' }).node('Gather', ['Y', 'k'], ['s'], { axis: int(0) }, 'step');
    m.output('s');
    expect(error(m)).toEqual(['unsupported-topology', `${at('Gather', 'step')}: unsupported graph topology: the gathered element must be the last time step of a recurrent layer's sequence, one part of a concatenation or an axis of size 1 (no slicing layer), not index 1 of axis 0 of [${T}, 1, batch, ${H}]`]);
  });

  it('accepts a constant full sequence_lens and zero initial states, and the last step gathered from Y is the layer without its sequence', () => {
    const m = model('LSTM', { extra: [['seq', [1], [T]], ['h0', [1, 1, H], [0, 0, 0, 0]], ['c0', [1, 1, H], [0, 0, 0, 0]]], outputs: [] })
      .initializer('k', [], [-1], { dtype: 'int64' }).node('Gather', ['Y', 'k'], ['last'], { axis: int(0) }, 'step');
    m.output('last');
    const g = parse(m);
    const last = layerOf(g, 'step_last', 'lstm');
    expect([last.returnSequences, last.steps, last.units, g.layers.filter((l) => l.kind === 'lstm').length]).toEqual([false, T, H, 1]);
  });
});

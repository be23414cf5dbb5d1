import { fail } from '../diagnostics/diagnostic.ts';
import { sizeOf, type Graph } from './graph.ts';
import type { KindRegistry, Layer, LayerKind, LayerOf, RecurrentLayer, Window } from './layers.ts';
import { checkRecurrent } from './verify-recurrent.ts';
import { windowOutputSpatial, windowTaps } from './window.ts';
import { arityAllows, arityWords, KINDS } from './kinds.ts';

type Where = { file?: string; layer: string; op: string };
/** A kind's structural check, given its producers' output shapes; throws a diagnostic. */
type Check<K extends LayerKind> = (l: LayerOf<K>, inputs: readonly (readonly number[])[], where: Where) => void;

const sameSize = (l: Layer, [x]: readonly (readonly number[])[], where: Where): void => {
  if (sizeOf(l.shape) !== sizeOf(x)) throw fail('shape-mismatch', where, `output size must equal input size ${sizeOf(x)}, not ${sizeOf(l.shape)}`);
};
const sameShape = (l: Layer, inputs: readonly (readonly number[])[], where: Where): void => {
  for (const x of inputs)
    if (x.length !== l.shape.length || x.some((d, a) => d !== l.shape[a]))
      throw fail('shape-mismatch', where, `every input must have the output shape [${l.shape}], not [${x}]`);
};
const perChannel = (l: Layer, arrays: Record<string, Float64Array>, where: Where) => {
  const c = l.shape[l.shape.length - 1];
  for (const [what, a] of Object.entries(arrays)) {
    if (a.length !== c && a.length !== 1) throw fail('shape-mismatch', where, `${what} must have ${c} elements (one per channel), not ${a.length}`);
    finite(a, where);
  }
};
const none = (): void => undefined;

const positiveInts = (v: readonly number[], min: number) => v.every((x) => Number.isInteger(x) && x >= min);
/** A window over the spatial axes of a channels-last input [S…, C]: rank, attributes, and the output shape. */
const window = (l: Layer & Window, x: readonly number[], channelsOut: number, where: Where): void => {
  const r = l.kernel.length;
  if (r < 1 || r > 2 || x.length !== r + 1) throw fail('shape-mismatch', where, `input must be [spatial…, channels] with 1 or 2 spatial axes matching a ${r}-D window, not [${x}]`);
  const attrs = { strides: l.strides, dilations: l.dilations, padBegin: l.padBegin, padEnd: l.padEnd };
  for (const [what, v] of Object.entries(attrs)) if (v.length !== r) throw fail('unsupported-attribute', where, `${what} must have ${r} values, not [${v}]`);
  if (!positiveInts(l.kernel, 1) || !positiveInts(l.strides, 1) || !positiveInts(l.dilations, 1))
    throw fail('unsupported-attribute', where, `kernel, strides and dilations must be integers ≥ 1, not [${l.kernel}], [${l.strides}], [${l.dilations}]`);
  if (!positiveInts(l.padBegin, 0) || !positiveInts(l.padEnd, 0)) throw fail('unsupported-attribute', where, `pads must be integers ≥ 0, not [${l.padBegin}] and [${l.padEnd}]`);
  const out = [...windowOutputSpatial(x.slice(0, r), l), channelsOut];
  if (out.some((d) => d < 1)) throw fail('shape-mismatch', where, `the ${l.kernel.join('×')} window must fit the input [${x}]`);
  if (out.length !== l.shape.length || out.some((d, a) => d !== l.shape[a])) throw fail('shape-mismatch', where, `output shape must be [${out}], not [${l.shape}]`);
};
/** Per spatial axis amounts (pad, crop, upsample) over a channels-last input: output extent by `extent`. */
const spatial = (l: Layer, x: readonly number[], amounts: readonly (readonly number[])[], min: number, extent: (s: number, a: number) => number, where: Where): void => {
  const r = x.length - 1;
  if (r < 1 || amounts.some((v) => v.length !== r || !positiveInts(v, min))) throw fail('unsupported-attribute', where, `must give one integer ≥ ${min} per spatial axis of the input [${x}], not ${amounts.map((v) => `[${v}]`).join(' and ')}`);
  const out = [...x.slice(0, r).map(extent), x[r]];
  if (out.some((d) => d < 1)) throw fail('shape-mismatch', where, `output shape must be positive, not [${out}]`);
  if (out.length !== l.shape.length || out.some((d, a) => d !== l.shape[a])) throw fail('shape-mismatch', where, `output shape must be [${out}], not [${l.shape}]`);
};

const recurrent = (l: RecurrentLayer, [x]: readonly (readonly number[])[], where: Where): void => checkRecurrent(l, x, where, finite);

/** The structural check of every layer kind (adding a kind fails tsc until it has one). */
const CHECKS: KindRegistry<{ [K in LayerKind]: Check<K> }> = {
  input: none,
  dense(l, [x], where) {
    if (l.nIn !== sizeOf(x)) throw fail('shape-mismatch', where, `input size must be ${l.nIn}, not ${sizeOf(x)}`);
    if (l.weights.length !== l.nIn * l.nOut || l.bias.length !== l.nOut || sizeOf(l.shape) !== l.nOut)
      throw fail('shape-mismatch', where, `weights must be ${l.nIn}×${l.nOut} with ${l.nOut} biases`);
    finite(l.weights, where);
    finite(l.bias, where);
  },
  batchnorm(l, inputs, where) {
    sameSize(l, inputs, where);
    const c = l.shape[l.shape.length - 1];
    if (l.scale.length !== c || l.bias.length !== c) throw fail('shape-mismatch', where, `scale and bias must have ${c} elements`);
    finite(l.scale, where);
    finite(l.bias, where);
  },
  relu: sameSize,
  abs: sameSize,
  leaky_relu: sameSize,
  clip: sameSize,
  sigmoid: sameSize,
  tanh: sameSize,
  softmax: sameSize,
  linear: sameSize,
  quant(l, inputs, where) {
    sameSize(l, inputs, where);
    perChannel(l, { 'quantizer scale': l.scale, 'quantizer zero point': l.zeroPoint }, where);
  },
  identity: sameSize,
  reshape: sameSize,
  transpose(l, [x], where) {
    const ok = l.perm.length === x.length && [...l.perm].sort((a, b) => a - b).every((p, i) => p === i);
    if (!ok) throw fail('shape-mismatch', where, `perm must be a permutation of the ${x.length} input axes, not [${l.perm}]`);
    if (l.perm.some((p, a) => x[p] !== l.shape[a])) throw fail('shape-mismatch', where, `output shape must be [${l.perm.map((p) => x[p])}], not [${l.shape}]`);
  },
  merge(l, inputs, where) {
    sameShape(l, inputs, where);
    if (l.op === 'subtract' && inputs.length !== 2) throw fail('unsupported-topology', where, `subtract must have exactly two inputs, not ${inputs.length}`);
    if (l.op === 'average' && !Number.isInteger(Math.log2(inputs.length)))
      throw fail('unsupported-topology', where, `average must have 2, 4, 8, … inputs (a power of two: the mean is then exact), not ${inputs.length}`);
  },
  concatenate(l, inputs, where) {
    const axis = l.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis >= l.shape.length) throw fail('shape-mismatch', where, `axis must be 0..${l.shape.length - 1}, not ${axis}`);
    for (const x of inputs)
      if (x.length !== l.shape.length || x.some((d, a) => a !== axis && d !== l.shape[a]))
        throw fail('shape-mismatch', where, `inputs must match the output shape [${l.shape}] except along axis ${axis}, not [${x}]`);
    const along = inputs.reduce((s, x) => s + x[axis], 0);
    if (along !== l.shape[axis]) throw fail('shape-mismatch', where, `output extent along axis ${axis} must be ${along}, not ${l.shape[axis]}`);
  },
  dot(l, [a, b], where) {
    if (a.length !== 1 || b.length !== 1 || a[0] !== b[0]) throw fail('shape-mismatch', where, `inputs must be two 1-D tensors of equal length, not [${a}] and [${b}]`);
    if (sizeOf(l.shape) !== 1) throw fail('shape-mismatch', where, `output must be one value, not [${l.shape}]`);
  },
  prelu(l, inputs, where) {
    sameSize(l, inputs, where);
    perChannel(l, { alpha: l.alpha }, where);
  },
  hard_sigmoid(l, inputs, where) {
    sameSize(l, inputs, where);
    finite(Float64Array.of(l.alpha, l.beta), where);
  },
  hard_tanh: sameSize,
  thresholded_relu(l, inputs, where) {
    sameSize(l, inputs, where);
    if (Number.isNaN(l.theta)) throw fail('unsupported-attribute', where, 'theta must be a number, not NaN');
  },
  binary_tanh: sameSize,
  ternary_tanh(l, inputs, where) {
    sameSize(l, inputs, where);
    if (!(l.threshold >= 0 && Number.isFinite(l.threshold))) throw fail('unsupported-attribute', where, `threshold must be a finite number ≥ 0, not ${l.threshold}`);
  },
  elu(l, inputs, where) {
    sameSize(l, inputs, where);
    finite(Float64Array.of(l.alpha), where);
  },
  selu(l, inputs, where) {
    sameSize(l, inputs, where);
    finite(Float64Array.of(l.alpha, l.scale), where);
  },
  softplus: sameSize,
  softsign: sameSize,
  silu: sameSize,
  conv(l, [x], where) {
    if (x[x.length - 1] !== l.nIn) throw fail('shape-mismatch', where, `input channels must be ${l.nIn}, not ${x[x.length - 1]} (input [${x}])`);
    window(l, x, l.nOut, where);
    if (l.weights.length !== windowTaps(l) * l.nIn * l.nOut || l.bias.length !== l.nOut)
      throw fail('shape-mismatch', where, `weights must be ${l.kernel.join('×')}×${l.nIn}×${l.nOut} with ${l.nOut} biases`);
    finite(l.weights, where);
    finite(l.bias, where);
  },
  depthwise_conv(l, [x], where) {
    if (x[x.length - 1] !== l.channels) throw fail('shape-mismatch', where, `input channels must be ${l.channels}, not ${x[x.length - 1]} (input [${x}])`);
    if (!positiveInts([l.multiplier], 1)) throw fail('unsupported-attribute', where, `depth multiplier must be an integer ≥ 1, not ${l.multiplier}`);
    window(l, x, l.channels * l.multiplier, where);
    if (l.weights.length !== windowTaps(l) * l.channels * l.multiplier || l.bias.length !== l.channels * l.multiplier)
      throw fail('shape-mismatch', where, `weights must be ${l.kernel.join('×')}×${l.channels}×${l.multiplier} with ${l.channels * l.multiplier} biases`);
    finite(l.weights, where);
    finite(l.bias, where);
  },
  pool: (l, [x], where) => window(l, x, x[x.length - 1], where),
  pad: (l, [x], where) => spatial(l, x, [l.padBegin, l.padEnd], 0, (s, a) => s + l.padBegin[a] + l.padEnd[a], where),
  crop: (l, [x], where) => spatial(l, x, [l.cropBegin, l.cropEnd], 0, (s, a) => s - l.cropBegin[a] - l.cropEnd[a], where),
  upsample: (l, [x], where) => spatial(l, x, [l.factors], 1, (s, a) => s * l.factors[a], where),
  lstm: recurrent,
  gru: recurrent,
  simple_rnn: recurrent,
};

const check = <K extends LayerKind>(l: LayerOf<K>, inputs: readonly (readonly number[])[], where: Where): void =>
  (CHECKS[l.kind as K] as Check<K>)(l, inputs, where);

/**
 * Structural invariants of a graph; run after every pass in tests and once before the backends.
 * Throws a diagnostic naming the layer that breaks one.
 */
export function verifyGraph(g: Graph, opts: { configured?: boolean } = {}): void {
  const seen = new Map<string, Layer>();
  for (const l of g.layers) {
    const where = { file: g.file, layer: l.name, op: l.origin?.op ?? l.kind };
    if (seen.has(l.name)) throw fail('unsupported-topology', where, 'layer names must be unique');
    for (const i of l.inputs) if (!seen.has(i)) throw fail('unsupported-topology', where, `input '${i}' must be produced by an earlier layer`);
    const arity = KINDS[l.kind].arity;
    if (!arityAllows(arity, l.inputs.length)) throw fail('unsupported-topology', where, `must have ${arityWords[arity]}, not ${l.inputs.length}`);
    if (!l.shape.every((d) => Number.isInteger(d) && d > 0)) throw fail('shape-mismatch', where, `shape must be positive integers, not [${l.shape}]`);
    check(l, l.inputs.map((i) => seen.get(i)!.shape), where);
    if (l.kind === 'quant' && opts.configured) throw fail('unsupported-op', where, 'QONNX quantizers must be lowered by the import-qonnx pass before the backends');
    if (opts.configured) for (const v of KINDS[l.kind].precisionVars) if (!l.precision[v]) throw fail('bad-precision', where, `precision '${v}' must be set`);
    seen.set(l.name, l);
  }
  if (g.outputs.length === 0) throw fail('unsupported-topology', { file: g.file }, 'the graph must have at least one output');
  for (const o of g.outputs) if (!seen.has(o)) throw fail('unsupported-topology', { file: g.file, layer: o }, 'output must be a layer of the graph');
}

function finite(a: Float64Array, where: Where): void {
  const bad = a.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw fail('bad-weights', where, `element ${bad} is ${a[bad]}`);
}

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { CellActivation, PrecisionVar } from '../../../ir/layers.ts';
import { CELL_ACTIVATIONS, HARD_SIGMOID_KERAS2, HARD_SIGMOID_KERAS3, recurrentShape } from '../../../ir/recurrent.ts';
import { DEFAULT_TABLE_SIZE } from '../../onnx/op-context.ts';
import { ConfigReader } from '../config-reader.ts';
import type { KerasContext, LayerHandler, Produced } from '../context.ts';
import { quantizeWeights } from '../qkeras/quantize-weights.ts';
import { showShape } from '../tensor.ts';

const KIND = { LSTM: 'lstm', GRU: 'gru', SimpleRNN: 'simple_rnn' } as const;
const GATES = { lstm: 4, gru: 3, simple_rnn: 1 } as const;
export type RecurrentClass = keyof typeof KIND;
export const RECURRENT_CLASSES = Object.keys(KIND);

/** Where a recurrent layer sits: a layer of its own, or one half of a Bidirectional. */
export interface RecurrentPlace {
  readonly cfg: ConfigReader;
  readonly quantized: boolean;
  /** Bidirectional: the half (its IR layer is `<name>_<half>`; the backward half's outputs are realigned in time) */
  readonly half?: 'forward' | 'backward';
  /** Keras 3 path of the cell's variables below the layer's, Keras 2 scope of its variables */
  readonly subPath: string;
  readonly scope: string;
}

/** Keras's activation names for a cell: hard_sigmoid is Keras 2's clip(0.2x + 0.5) or Keras 3's clip(x/6 + 0.5). */
function cellActivation(ctx: KerasContext, cfg: ConfigReader, key: string, fallback: string): CellActivation {
  const given = cfg.raw(key);
  const raw = given === undefined ? fallback : given === null ? 'linear' : given; // Keras: activation None is linear
  const name = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (name === 'hard_sigmoid') return ctx.kerasMajor >= 3 ? HARD_SIGMOID_KERAS3 : HARD_SIGMOID_KERAS2;
  if (name === 'tanh' || name === 'sigmoid' || name === 'relu' || name === 'linear') return { fn: name };
  const quantizer = /[(]/.test(name) || name.startsWith('quantized_');
  throw fail(quantizer ? 'unsupported-quantizer' : 'unsupported-attribute', ctx.where, `${key} must be a cell activation hlsforge computes exactly, not '${name}'; supported: ${CELL_ACTIVATIONS.join(', ')}`);
}

/** A QKeras weight quantizer folded into the values; its type becomes declared (as QDense). */
function folded(ctx: KerasContext, quantized: boolean, key: string, values: Float64Array, declared: Partial<Record<PrecisionVar, FixedType>>, v: PrecisionVar): Float64Array {
  if (!quantized) return values;
  const q = quantizeWeights(ctx, key, values);
  if (q.type) declared[v] = q.type;
  return q.values;
}

/** LSTM / GRU / SimpleRNN (and QLSTM / QGRU / QSimpleRNN) on a [steps, features] input. */
export function recurrent(ctx: KerasContext, cls: RecurrentClass, x: Produced, place: RecurrentPlace): Produced {
  const { cfg } = place;
  const kind = KIND[cls];
  if (x.shape.length !== 2) throw fail('shape-mismatch', ctx.where, `the input must be [time steps, features], not ${showShape(x.shape)}`);
  const [steps, nIn] = x.shape;
  for (const key of ['stateful', 'return_state', 'time_major']) if (cfg.boolean(key, false)) throw fail('unsupported-attribute', ctx.where, `${key} must be false, not true`);
  if (place.quantized && cfg.raw('state_quantizer') != null) throw fail('unsupported-quantizer', ctx.where, 'state_quantizer must be absent (the state type is the configured Precision.state), not set');
  const units = cfg.number('units');
  if (units === undefined || !Number.isInteger(units) || units < 1) throw fail('unsupported-attribute', ctx.where, `units must be a positive integer, not ${JSON.stringify(cfg.raw('units'))}`);
  const g = GATES[kind] * units;
  // absent only in files of Keras ≤ 2.2 (default false then); Keras 3 and TF 2 write it (default true)
  const resetAfter = kind === 'gru' && cfg.boolean('reset_after', ctx.kerasMajor >= 3);
  const useBias = cfg.boolean('use_bias', true);
  const [kernel, recurrentKernel, bias] = ctx.innerWeights(
    [{ name: 'kernel', shape: [nIn, g] }, { name: 'recurrent_kernel', shape: [units, g] }, ...(useBias ? [{ name: 'bias', shape: resetAfter ? [2, g] : [g] }] : [])],
    place,
  );
  const declared: Partial<Record<PrecisionVar, FixedType>> = {};
  // one quantizer over the whole bias (GRU reset_after: input and recurrent rows), as QKeras applies it
  const b = folded(ctx, place.quantized && useBias, 'bias_quantizer', bias ? bias.data : new Float64Array(resetAfter ? 2 * g : g), declared, 'bias');
  const returnSequences = cfg.boolean('return_sequences', false);
  const goBackwards = cfg.boolean('go_backwards', false) !== (place.half === 'backward');
  const activation = cellActivation(ctx, cfg, 'activation', 'tanh');
  const common = {
    inputs: [x.layer], shape: recurrentShape(steps, units, returnSequences), units, nIn, steps, returnSequences, goBackwards,
    reverseOutputs: place.half === 'backward' && returnSequences, activation, tableSize: DEFAULT_TABLE_SIZE,
    kernel: folded(ctx, place.quantized, 'kernel_quantizer', kernel.data, declared, 'weight'),
    recurrentKernel: folded(ctx, place.quantized, 'recurrent_quantizer', recurrentKernel.data, declared, 'recurrent_weight'),
    bias: b.slice(0, g),
    recurrentBias: resetAfter ? b.slice(g) : new Float64Array(g),
  };
  const extra = Object.keys(declared).length ? { declared } : {};
  const opts = place.half ? { suffix: place.half, op: cls } : undefined;
  if (kind === 'simple_rnn') return ctx.add({ kind, ...common, ...extra }, opts);
  const recurrentActivation = cellActivation(ctx, cfg, 'recurrent_activation', 'sigmoid');
  if (kind === 'lstm') return ctx.add({ kind, ...common, recurrentActivation, ...extra }, opts);
  return ctx.add({ kind, ...common, recurrentActivation, resetAfter, ...extra }, opts);
}

const handler = (cls: RecurrentClass, quantized: boolean): LayerHandler => (ctx) => recurrent(ctx, cls, ctx.input(), { cfg: ctx.cfg, quantized, subPath: 'cell', scope: '' });

export const LSTM = handler('LSTM', false);
export const GRU = handler('GRU', false);
export const SimpleRNN = handler('SimpleRNN', false);
export const QLSTM = handler('LSTM', true);
export const QGRU = handler('GRU', true);
export const QSimpleRNN = handler('SimpleRNN', true);

import { fail } from '../../../diagnostics/diagnostic.ts';
import { DEFAULT_TABLE_SIZE } from '../../onnx/op-context.ts';
import type { KerasContext, LayerSpec, Produced } from '../context.ts';
import { parseQuantizer } from '../qkeras/parse-quantizer.ts';
import { POSITIONAL } from '../qkeras/parse-quantizer.ts';
import { kerasQuantizer } from '../qkeras/quantizers.ts';
import { pendingKind } from './pending.ts';

type Spec = (x: Produced) => LayerSpec;

/** Keras activation names (keras.activations) with an IR layer kind. */
const ACTIVATIONS: Readonly<Record<string, Spec>> = {
  relu: (x) => ({ kind: 'relu', inputs: [x.layer], shape: x.shape }),
  relu6: (x) => ({ kind: 'clip', inputs: [x.layer], shape: x.shape, min: 0, max: 6 }),
  // keras.activations.leaky_relu: negative_slope 0.2 by default
  leaky_relu: (x) => ({ kind: 'leaky_relu', inputs: [x.layer], shape: x.shape, alpha: 0.2 }),
  sigmoid: (x) => ({ kind: 'sigmoid', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE }),
  tanh: (x) => ({ kind: 'tanh', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE }),
  softmax: (x) => ({ kind: 'softmax', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE }),
  linear: (x) => ({ kind: 'linear', inputs: [x.layer], shape: x.shape }),
};

/**
 * ONE PLACE for the Keras activations whose IR kinds are being added (issue 8 part 4): when a kind lands, move its
 * name from here into ACTIVATIONS above.
 */
const PENDING_ACTIVATIONS: Readonly<Record<string, string>> = {
  elu: 'elu', selu: 'selu', softplus: 'softplus', softsign: 'softsign', hard_sigmoid: 'hard_sigmoid',
  hard_tanh: 'hard_tanh', swish: 'silu', silu: 'silu', binary_tanh: 'binary_tanh', ternary_tanh: 'ternary_tanh',
};

const KNOWN_ELSEWHERE = ['gelu', 'exponential', 'mish', 'log_softmax', 'hard_silu', 'hard_swish', 'celu', 'glu', 'log_sigmoid', 'sparse_plus', 'squareplus', 'tanh_shrink', 'soft_shrink', 'hard_shrink', 'threshold', 'sparsemax'];

export const SUPPORTED_ACTIVATIONS = [...Object.keys(ACTIVATIONS), ...Object.keys(POSITIONAL)].join(', ');

/**
 * Apply a Keras/QKeras activation to `x`. As an `activation=` argument of another layer (`split`), it becomes its own
 * layer named `<layer>_<activation>` and `linear` adds nothing; as an Activation/QActivation layer it takes the
 * layer's name.
 */
export function applyActivation(ctx: KerasContext, x: Produced, value: unknown, split: boolean): Produced {
  if (value === undefined || value === null || (split && value === 'linear')) return x;
  const q = parseQuantizer(value);
  const name = typeof value === 'string' ? value : q?.className ?? JSON.stringify(value);
  const suffix = split ? name.replace(/\(.*$/s, '') : undefined;
  if (Object.hasOwn(ACTIVATIONS, name)) return ctx.add(ACTIVATIONS[name](x), { suffix, op: split ? name : undefined });
  // a QKeras quantizer: a known class, a call string, a quantized_* name or a {class_name, config} object
  const quantizerLike = q && (Object.hasOwn(POSITIONAL, q.className) || typeof value === 'object' || /[()]/.test(String(value)) || q.className.startsWith('quantized_'));
  if (quantizerLike) return quantizerActivation(ctx, x, value, suffix);
  const where = split ? { ...ctx.where, layer: `${ctx.name}_${suffix}`, op: name } : ctx.where;
  if (Object.hasOwn(PENDING_ACTIVATIONS, name)) throw pendingKind(where, `activation '${name}'`, PENDING_ACTIVATIONS[name], SUPPORTED_ACTIVATIONS);
  const what = KNOWN_ELSEWHERE.includes(name) ? 'a Keras activation hlsforge does not translate' : 'an unknown activation';
  throw fail('unsupported-layer', where, `activation must be one hlsforge translates, not '${name}' (${what}); supported: ${SUPPORTED_ACTIVATIONS}`);
}

/** A QKeras quantizer on activations: a `quant` layer (after a relu for quantized_relu), lowered to exact casts later. */
function quantizerActivation(ctx: KerasContext, x: Produced, value: unknown, suffix: string | undefined): Produced {
  const spec = parseQuantizer(value)!;
  const where = suffix ? { ...ctx.where, layer: `${ctx.name}_${suffix}` } : ctx.where;
  const q = kerasQuantizer(spec, where, 'activation');
  if ('reason' in q.activation) throw fail('unsupported-quantizer', where, `activation ${spec.text} must be an exact fixed-point cast, not ${q.activation.reason}`);
  const { relu, quantizer, affine } = q.activation;
  const input = relu ? ctx.add({ kind: 'relu', inputs: [x.layer], shape: x.shape }, { suffix: suffix ? `${suffix}_relu` : 'relu', op: 'relu' }) : x;
  if (!affine) return ctx.add({ kind: 'quant', inputs: [input.layer], shape: x.shape, ...quantizer }, { suffix, op: spec.className });
  const t = ctx.add({ kind: 'quant', inputs: [input.layer], shape: x.shape, ...quantizer }, { suffix: suffix ? `${suffix}_quant` : 'quant', op: spec.className });
  const c = x.shape[x.shape.length - 1];
  return ctx.add(
    { kind: 'batchnorm', inputs: [t.layer], shape: x.shape, scale: new Float64Array(c).fill(affine.scale), bias: new Float64Array(c).fill(affine.bias), declared: affine.types },
    { suffix, op: spec.className },
  );
}

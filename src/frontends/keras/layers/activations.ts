import { fail } from '../../../diagnostics/diagnostic.ts';
import { DEFAULT_TABLE_SIZE } from '../../onnx/op-context.ts';
import type { KerasContext, LayerSpec, Produced } from '../context.ts';
import { parseQuantizer } from '../qkeras/parse-quantizer.ts';
import { POSITIONAL } from '../qkeras/parse-quantizer.ts';
import { kerasQuantizer } from '../qkeras/quantizers.ts';
import { SELU_ALPHA, SELU_SCALE } from '../../../ir/layers.ts';

type Spec = (x: Produced, ctx: KerasContext) => LayerSpec;
const table = { tableSize: DEFAULT_TABLE_SIZE };

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
  elu: (x) => ({ kind: 'elu', inputs: [x.layer], shape: x.shape, alpha: 1, ...table }),
  selu: (x) => ({ kind: 'selu', inputs: [x.layer], shape: x.shape, alpha: SELU_ALPHA, scale: SELU_SCALE, ...table }),
  softplus: (x) => ({ kind: 'softplus', inputs: [x.layer], shape: x.shape, ...table }),
  softsign: (x) => ({ kind: 'softsign', inputs: [x.layer], shape: x.shape, ...table }),
  swish: (x) => ({ kind: 'silu', inputs: [x.layer], shape: x.shape, ...table }),
  silu: (x) => ({ kind: 'silu', inputs: [x.layer], shape: x.shape, ...table }),
  // Keras 2: clip(0.2·x + 0.5, 0, 1); Keras 3: relu6(x + 3) / 6 = clip(x/6 + 0.5, 0, 1)
  hard_sigmoid: (x, ctx) => ({ kind: 'hard_sigmoid', inputs: [x.layer], shape: x.shape, alpha: ctx.kerasMajor >= 3 ? 1 / 6 : 0.2, beta: 0.5 }),
  hard_tanh: (x) => ({ kind: 'hard_tanh', inputs: [x.layer], shape: x.shape }),
  // the pre-QKeras BNN activations of hls4ml's example models: sign (0 → −1) and a ±0.5 threshold
  binary_tanh: (x) => ({ kind: 'binary_tanh', inputs: [x.layer], shape: x.shape }),
  ternary_tanh: (x) => ({ kind: 'ternary_tanh', inputs: [x.layer], shape: x.shape, threshold: 0.5 }),
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
  if (Object.hasOwn(ACTIVATIONS, name)) return ctx.add(ACTIVATIONS[name](x, ctx), { suffix, op: split ? name : undefined });
  // a QKeras quantizer: a known class, a call string, a quantized_* name or a {class_name, config} object
  const quantizerLike = q && (Object.hasOwn(POSITIONAL, q.className) || typeof value === 'object' || /[()]/.test(String(value)) || q.className.startsWith('quantized_'));
  if (quantizerLike) return quantizerActivation(ctx, x, value, suffix);
  const where = split ? { ...ctx.where, layer: `${ctx.name}_${suffix}`, op: name } : ctx.where;
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

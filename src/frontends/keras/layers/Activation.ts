import { fail } from '../../../diagnostics/diagnostic.ts';
import { DEFAULT_TABLE_SIZE } from '../../onnx/op-context.ts';
import type { KerasContext, LayerHandler, Produced } from '../context.ts';
import { applyActivation } from './activations.ts';

/** Activation('relu'), QActivation(quantized_relu(6, 0)), …: one layer named after the Keras layer. */
export const Activation: LayerHandler = (ctx) => applyActivation(ctx, ctx.input(), ctx.cfg.raw('activation'), false);

/**
 * ReLU(max_value, negative_slope, threshold): y = x ≥ threshold ? min(x, max_value) : negative_slope · (x − threshold).
 * threshold 0 gives relu, clip(0, max_value) and leaky relu; a threshold needs the thresholded-relu kind (not yet).
 */
export const ReLU: LayerHandler = (ctx) => {
  const x = ctx.input();
  const max = ctx.cfg.number('max_value');
  const slope = ctx.cfg.number('negative_slope', 0);
  const threshold = ctx.cfg.number('threshold', 0);
  if (threshold !== 0) throw fail('unsupported-attribute', ctx.where, `threshold must be 0, not ${threshold} (a thresholded ReLU is not supported yet)`);
  if (slope !== 0 && max !== undefined) throw fail('unsupported-attribute', ctx.where, `negative_slope must be 0 when max_value is set, not ${slope}`);
  if (max !== undefined) return ctx.add({ kind: 'clip', inputs: [x.layer], shape: x.shape, min: 0, max });
  if (slope !== 0) return ctx.add({ kind: 'leaky_relu', inputs: [x.layer], shape: x.shape, alpha: slope });
  return ctx.add({ kind: 'relu', inputs: [x.layer], shape: x.shape });
};

/** ELU(alpha = 1): y = x > 0 ? x : α·(e^x − 1), by table (docs/arithmetic.md). */
export const ELU: LayerHandler = (ctx) => {
  const x = ctx.input();
  return ctx.add({ kind: 'elu', inputs: [x.layer], shape: x.shape, alpha: ctx.cfg.number('alpha', 1), tableSize: DEFAULT_TABLE_SIZE });
};

/** ThresholdedReLU(theta = 1): y = x > θ ? x : 0. */
export const ThresholdedReLU: LayerHandler = (ctx) => {
  const x = ctx.input();
  return ctx.add({ kind: 'thresholded_relu', inputs: [x.layer], shape: x.shape, theta: ctx.cfg.number('theta', 1) });
};

/**
 * PReLU: y = x > 0 ? x : α·x with α learned per element (shape of the input, 1 along `shared_axes`). The IR's prelu
 * has one α per channel of the last axis, so α must not vary along the other axes.
 */
export const PReLU: LayerHandler = (ctx) => {
  const x = ctx.input();
  const shared = (ctx.cfg.ints('shared_axes') ?? []).map((a) => a - 1);
  const [alpha] = ctx.weights([{ name: 'alpha', shape: x.shape.map((d, k) => (shared.includes(k) ? 1 : d)) }]);
  const c = alpha.shape[alpha.shape.length - 1];
  for (let i = 0; i < alpha.data.length; i++)
    if (alpha.data[i] !== alpha.data[i % c])
      throw fail('unsupported-attribute', ctx.where, `alpha must vary only along the last axis (one slope per channel), not at element ${i} (${alpha.data[i]} ≠ ${alpha.data[i % c]})`);
  return ctx.add({ kind: 'prelu', inputs: [x.layer], shape: x.shape, alpha: alpha.data.slice(0, c) });
};

/** LeakyReLU: `alpha` (Keras 2, default 0.3) or `negative_slope` (Keras 3). */
export const LeakyReLU: LayerHandler = (ctx) => {
  const x = ctx.input();
  const alpha = ctx.cfg.number('negative_slope') ?? ctx.cfg.number('alpha', 0.3);
  return ctx.add({ kind: 'leaky_relu', inputs: [x.layer], shape: x.shape, alpha });
};

/** Softmax over the last axis. */
export const Softmax: LayerHandler = (ctx) => {
  const x = ctx.input();
  lastAxis(ctx, x, ctx.cfg.raw('axis') ?? -1);
  return ctx.add({ kind: 'softmax', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

/** Fail unless `axis` (one axis, counting the batch as 0, or −1) is the last axis of x. */
export function lastAxis(ctx: KerasContext, x: Produced, axis: unknown): void {
  const rank = x.shape.length + 1;
  const a = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  if (a !== -1 && a !== rank - 1) throw fail('unsupported-attribute', ctx.where, `axis must be the last axis (-1 or ${rank - 1}), not ${JSON.stringify(axis)}`);
}

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

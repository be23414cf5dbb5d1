import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerHandler } from '../context.ts';
import { showShape } from '../tensor.ts';
import { pendingKind } from './pending.ts';

const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/**
 * Keras tensors are channels-last and row-major, and so is the IR, so Flatten and Reshape keep the data order: an
 * identity layer with the new shape. ONE PLACE to change when reshape becomes a real IR layer (issue 8 part 1).
 */
export const Flatten: LayerHandler = (ctx) => {
  const x = ctx.input();
  ctx.cfg.require('data_format', ['channels_last']);
  return ctx.add({ kind: 'identity', inputs: [x.layer], shape: [size(x.shape)] });
};

/** Reshape(target_shape): one −1 is inferred; the element count must be kept. */
export const Reshape: LayerHandler = (ctx) => {
  const x = ctx.input();
  const target = ctx.cfg.ints('target_shape');
  if (!target || target.length === 0) throw fail('unsupported-attribute', ctx.where, `target_shape must be a list of sizes, not ${JSON.stringify(ctx.cfg.raw('target_shape'))}`);
  const known = size(target.filter((d) => d !== -1));
  const shape = target.map((d) => (d === -1 ? size(x.shape) / known : d));
  if (target.filter((d) => d === -1).length > 1 || shape.some((d) => !Number.isInteger(d) || d < 1) || size(shape) !== size(x.shape)) {
    throw fail('shape-mismatch', ctx.where, `target_shape must keep the ${size(x.shape)} elements of the input ${showShape(x.shape)}, not ${showShape(target)}`);
  }
  return ctx.add({ kind: 'identity', inputs: [x.layer], shape });
};

/** Permute(dims): only the identity permutation keeps the data order; others need the transpose kind (not yet). */
export const Permute: LayerHandler = (ctx) => {
  const x = ctx.input();
  const dims = ctx.cfg.ints('dims') ?? [];
  if (dims.length === x.shape.length && dims.every((d, i) => d === i + 1)) return ctx.add({ kind: 'identity', inputs: [x.layer], shape: x.shape });
  throw pendingKind(ctx.where, `Permute(dims=${showShape(dims)})`, 'transpose', 'Permute with dims in order');
};

/** Dropout and noise layers do nothing at inference: an identity the remove-identity pass drops. */
export const Skipped: LayerHandler = (ctx) => {
  const x = ctx.input();
  return ctx.add({ kind: 'identity', inputs: [x.layer], shape: x.shape });
};

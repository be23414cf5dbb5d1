import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerHandler } from '../context.ts';
import { showShape } from '../tensor.ts';
import { toChannelsLast } from './channels-first.ts';

const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/**
 * Keras tensors are channels-last and row-major, and so is the IR, so Flatten and Reshape keep the data order: a
 * `reshape` layer (no data moves).
 */
export const Flatten: LayerHandler = (ctx) => {
  const x = ctx.input();
  ctx.cfg.require('data_format', ['channels_last', 'channels_first']);
  // Keras's channels_first Flatten moves the channels last first, so the flat order is the channels-last one
  const from = ctx.cfg.raw('data_format') === 'channels_first' && x.shape.length > 1 ? toChannelsLast(ctx, x) : x;
  return ctx.add({ kind: 'reshape', inputs: [from.layer], shape: [size(x.shape)] });
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
  return ctx.add({ kind: 'reshape', inputs: [x.layer], shape });
};

/** Permute(dims): dims count the batch axis as 0, so output axis a is input axis dims[a] − 1 (a `transpose`). */
export const Permute: LayerHandler = (ctx) => {
  const x = ctx.input();
  const dims = ctx.cfg.ints('dims') ?? [];
  const perm = dims.map((d) => d - 1);
  const isPermutation = perm.length === x.shape.length && [...perm].sort((a, b) => a - b).every((p, i) => p === i);
  if (!isPermutation) throw fail('unsupported-attribute', ctx.where, `dims must be a permutation of 1..${x.shape.length}, not ${showShape(dims)}`);
  return ctx.add({ kind: 'transpose', perm, inputs: [x.layer], shape: perm.map((p) => x.shape[p]) });
};

/** Dropout and noise layers do nothing at inference: an identity the remove-identity pass drops. */
export const Skipped: LayerHandler = (ctx) => {
  const x = ctx.input();
  return ctx.add({ kind: 'identity', inputs: [x.layer], shape: x.shape });
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { MergeOp } from '../../../ir/layers.ts';
import type { KerasContext, LayerHandler, Produced } from '../context.ts';
import { showShape } from '../tensor.ts';

/** Two or more inputs of the same shape (Keras merge layers do not broadcast between non-batch axes here). */
function sameShapes(ctx: KerasContext, min: number): readonly Produced[] {
  const xs = ctx.inputs;
  if (xs.length < min) throw fail('unsupported-topology', ctx.where, `the layer must have at least ${min} inputs, not ${xs.length}`);
  for (const x of xs.slice(1))
    if (showShape(x.shape) !== showShape(xs[0].shape))
      throw fail('shape-mismatch', ctx.where, `every input must have the shape ${showShape(xs[0].shape)}, not ${showShape(x.shape)}`);
  return xs;
}

const merge = (op: MergeOp): LayerHandler => (ctx) => {
  const xs = sameShapes(ctx, 2);
  if (op === 'subtract' && xs.length !== 2) throw fail('unsupported-topology', ctx.where, `Subtract must have exactly 2 inputs, not ${xs.length}`);
  return ctx.add({ kind: 'merge', op, inputs: xs.map((x) => x.layer), shape: xs[0].shape });
};

/** Keras merge layers, each an exact element-wise merge (docs/arithmetic.md, "Merges"). */
export const Add = merge('add');
export const Subtract = merge('subtract');
export const Multiply = merge('multiply');
export const Average = merge('average');
export const Maximum = merge('maximum');
export const Minimum = merge('minimum');

/** Concatenate(axis): Keras counts the batch axis as 0 and −1 as the last; the IR's axes have no batch axis. */
export const Concatenate: LayerHandler = (ctx) => {
  const xs = ctx.inputs;
  if (xs.length < 2) throw fail('unsupported-topology', ctx.where, `the layer must have at least 2 inputs, not ${xs.length}`);
  const rank = xs[0].shape.length;
  const axis = ctx.cfg.number('axis', -1);
  const a = axis < 0 ? rank + axis : axis - 1;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) throw fail('unsupported-attribute', ctx.where, `axis must be a non-batch axis (1..${rank} or −${rank}..−1), not ${axis}`);
  for (const x of xs)
    if (x.shape.length !== rank || x.shape.some((d, k) => k !== a && d !== xs[0].shape[k]))
      throw fail('shape-mismatch', ctx.where, `inputs must agree except along axis ${axis}, not ${showShape(xs[0].shape)} and ${showShape(x.shape)}`);
  const shape = xs[0].shape.map((d, k) => (k === a ? xs.reduce((s, x) => s + x.shape[a], 0) : d));
  return ctx.add({ kind: 'concatenate', axis: a, inputs: xs.map((x) => x.layer), shape });
};

/** Dot(axes) of two vectors: one value. (Dot of matrices is not an IR layer.) */
export const Dot: LayerHandler = (ctx) => {
  const xs = sameShapes(ctx, 2);
  const axes = ctx.cfg.raw('axes');
  const ok = (v: unknown) => v === 1 || v === -1;
  if (xs.length !== 2 || xs[0].shape.length !== 1 || !(ok(axes) || (Array.isArray(axes) && axes.length === 2 && axes.every(ok))))
    throw fail('unsupported-attribute', ctx.where, `Dot must take two 1-D inputs over axes 1, not ${xs.length} inputs of ${showShape(xs[0].shape)} with axes ${JSON.stringify(axes)}`);
  if (ctx.cfg.boolean('normalize', false)) throw fail('unsupported-attribute', ctx.where, 'normalize must be false, not true (a cosine similarity needs a division)');
  return ctx.add({ kind: 'dot', inputs: xs.map((x) => x.layer), shape: [1] });
};

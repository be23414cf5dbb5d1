import { fail } from '../../diagnostics/diagnostic.ts';
import type { MergeOp } from '../../ir/layers.ts';
import { affineLayer, axisConstant } from './affine.ts';
import type { OpContext } from './op-context.ts';
import { showShape, withBatch, type LayerValue, type Value } from './values.ts';

/** The node's inputs, all present. */
export function operands(ctx: OpContext): Value[] {
  return ctx.inputNames.map((_n, i) => ctx.input(i) ?? ctx.layerInput(i));
}

/** Two or more layer outputs of one shape (no broadcasting between two tensors) → a merge layer. */
export function mergeLayer(ctx: OpContext, op: MergeOp, xs: readonly Value[]): LayerValue {
  const layers = xs.map((x, i) => {
    if (x.kind !== 'layer') throw fail('unsupported-topology', ctx.where, `input ${i} must be the output of a layer when more than two operands are merged, not a constant`);
    return x;
  });
  if (layers.length === 1) return layers[0];
  const shape = layers[0].shape;
  for (const x of layers) {
    if (x.shape.length !== shape.length || x.shape.some((d, k) => d !== shape[k])) {
      throw fail('shape-mismatch', ctx.where, `the merged tensors must have one shape (no broadcasting between two layer outputs), not ${layers.map(withBatch).join(' and ')}`);
    }
  }
  return ctx.addLayer({ kind: 'merge', op, inputs: layers.map((x) => x.layer), shape });
}

/** y = x·scale(c) + bias(c) with c the constant operand (see affine.ts) */
export type WithConstant = (ctx: OpContext, x: LayerValue, c: Extract<Value, { kind: 'const' }>, constantFirst: boolean) => LayerValue;

/**
 * A binary elementwise op: a merge of two layer outputs, or a scale/bias (batchnorm) layer with one constant operand.
 * Both constants never reach here: the constant evaluator folds them.
 */
export function binary(ctx: OpContext, op: MergeOp | undefined, withConstant: WithConstant): LayerValue {
  const [a, b] = operands(ctx);
  if (a.kind === 'layer' && b.kind === 'layer') {
    if (!op) throw fail('unsupported-op', ctx.where, `${ctx.op} of two layer outputs is not supported; supported: ${ctx.op} by a constant`);
    return mergeLayer(ctx, op, [a, b]);
  }
  return a.kind === 'layer' ? withConstant(ctx, a, b as Extract<Value, { kind: 'const' }>, false) : withConstant(ctx, b as LayerValue, a, true);
}

/** y = x + c (bias) or, for `sign` −1, x − c; with the constant first, c − x = −x + c */
export const addConstant = (sign: 1 | -1): WithConstant => (ctx, x, c, constantFirst) => {
  const k = axisConstant(ctx, x, c.tensor, constantFirst ? 'the constant minuend' : 'the added constant');
  if (constantFirst && sign === -1) return affineLayer(ctx, x, k, () => -1, (v) => v);
  return affineLayer(ctx, x, k, () => 1, (v) => sign * v, sign === 1);
};

/** y = x · c, or x / c (c first: c / x is not an affine map and is refused) */
export const scaleByConstant = (divide: boolean): WithConstant => (ctx, x, c, constantFirst) => {
  if (divide && constantFirst) throw fail('unsupported-op', ctx.where, `a constant divided by a layer output is not supported; supported: Div by a constant`);
  const k = axisConstant(ctx, x, c.tensor, divide ? 'the divisor' : 'the constant factor');
  return affineLayer(ctx, x, k, (v) => (divide ? 1 / v : v), () => 0);
};

/** max(x, c) / min(x, c) with one value c: a clip with one bound */
export const boundByConstant = (which: 'min' | 'max'): WithConstant => (ctx, x, c) => {
  if (c.tensor.data.length !== 1) throw fail('shape-mismatch', ctx.where, `the constant operand of ${ctx.op} must be one value (a clip bound), not ${showShape(c.tensor.dims)}`);
  const v = c.tensor.data[0];
  const [min, max] = which === 'max' ? [v, Infinity] : [-Infinity, v];
  return ctx.addLayer({ kind: 'clip', inputs: [x.layer], shape: x.shape, min, max });
};

/** Sum, Max, Min, Mean of N operands: a merge of layer outputs; two operands with one constant take `withConstant`. */
export function variadic(ctx: OpContext, op: MergeOp, withConstant?: WithConstant): LayerValue {
  const xs = operands(ctx);
  if (xs.length === 2 && withConstant && xs.some((x) => x.kind === 'const')) return binary(ctx, op, withConstant);
  return mergeLayer(ctx, op, xs);
}

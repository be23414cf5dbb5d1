import { fail } from '../../diagnostics/diagnostic.ts';
import type { OpContext } from './op-context.ts';
import type { ConstTensor } from './tensor.ts';
import { showShape, withBatch, type LayerValue } from './values.ts';

/** The feature count of a dense layer's input, which must be [batch, n]. */
export function denseInputSize(ctx: OpContext, x: LayerValue): number {
  if (x.shape.length !== 1) {
    throw fail('shape-mismatch', ctx.where, `the input must have shape [batch, n], not ${withBatch(x)}`);
  }
  return x.shape[0];
}

/** Fail unless the weight matrix (as used, after any transpose) has as many rows as the input has features. */
export function checkWeightRows(ctx: OpContext, rows: number, nIn: number): void {
  if (rows !== nIn) {
    throw fail('shape-mismatch', ctx.where, `weight rows must be ${nIn} (the input size), not ${rows}`);
  }
}

/** A bias of shape [n], [1, n], [1] or [] (broadcast), as n values. */
export function broadcastBias(ctx: OpContext, c: ConstTensor, n: number, role: string): Float64Array {
  const size = c.data.length;
  const leadingOnes = c.dims.slice(0, -1).every((d) => d === 1);
  if (size === 1) return new Float64Array(n).fill(c.data[0]);
  if (size === n && leadingOnes) return Float64Array.from(c.data);
  throw fail('shape-mismatch', ctx.where, `${role} must have shape [${n}] (or broadcast to it), not ${showShape(c.dims)}`);
}

/** A weight tensor that must be a matrix. */
export function matrixDims(ctx: OpContext, w: ConstTensor, role: string): [number, number] {
  if (w.dims.length !== 2) throw fail('shape-mismatch', ctx.where, `${role} must be a matrix, not ${showShape(w.dims)}`);
  return [w.dims[0], w.dims[1]];
}

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { selectAlong } from '../select.ts';
import { showShape, withBatch } from '../values.ts';

/**
 * Gather of one constant index along a non-batch axis of a layer output (PyTorch's `out[:, -1]`, `h_n[-1]`): the
 * selected element without a slicing layer (../select.ts), the axis dropped (indices of shape [1] keep it, of size 1).
 * Gather on constants only is folded by the constant evaluator.
 */
export const Gather: OpHandler = (ctx) => {
  const x = ctx.layerInputAnyBatch(0);
  const indices = ctx.constInput(1, 'indices');
  const rank = x.shape.length + 1;
  const batch = x.batchAxis ?? 0;
  const raw = ctx.attrs.int('axis', 0);
  const axis = raw < 0 ? raw + rank : raw;
  if (axis < 0 || axis >= rank || axis === batch) {
    throw fail('unsupported-attribute', ctx.where, `axis must be a non-batch axis of ${withBatch(x)}, not ${raw}`);
  }
  if (indices.data.length !== 1 || indices.dims.length > 1) throw fail('unsupported-attribute', ctx.where, `indices must be one index, not shape ${showShape(indices.dims)}`);
  const irAxis = axis > batch ? axis - 1 : axis;
  const n = x.shape[irAxis];
  const k = indices.data[0] < 0 ? indices.data[0] + n : indices.data[0];
  if (!(k >= 0 && k < n)) throw fail('shape-mismatch', ctx.where, `indices must be in ${-n}..${n - 1}, not ${indices.data[0]}`);
  const y = selectAlong(ctx, x, irAxis, k);
  if (!y) {
    throw fail('unsupported-topology', ctx.where, `the gathered element must be the last time step of a recurrent layer's sequence, one part of a concatenation or an axis of size 1 (no slicing layer), not index ${indices.data[0]} of axis ${raw} of ${withBatch(x)}`);
  }
  const kept = indices.dims.length === 1 ? [...y.shape.slice(0, irAxis), 1, ...y.shape.slice(irAxis)] : y.shape;
  const out = kept.length === y.shape.length ? y : ctx.addLayer({ kind: 'reshape', inputs: [y.layer], shape: kept });
  const batchAxis = indices.dims.length === 0 && axis < batch ? batch - 1 : batch;
  return batchAxis ? { ...out, batchAxis } : out;
};

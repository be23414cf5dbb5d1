import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { showShape, withBatch } from '../values.ts';

/**
 * Output axis a is input axis perm[a] (default: reversed). The batch axis may move (PyTorch's batch_first Transposes
 * around a recurrent op): for one sample only the order of the other axes matters, so the IR transpose permutes those,
 * and a perm that keeps their order is no layer at all, just the batch axis somewhere else. A transposed constant
 * (e.g. weights stored [out][in]) is folded by the constant evaluator.
 */
export const Transpose: OpHandler = (ctx) => {
  const x = ctx.layerInputAnyBatch(0);
  const rank = x.shape.length + 1;
  const batch = x.batchAxis ?? 0;
  const perm = ctx.attrs.ints('perm') ?? [...Array(rank).keys()].reverse();
  const valid = perm.length === rank && [...perm].sort((a, b) => a - b).every((p, k) => p === k);
  if (!valid) throw fail('unsupported-attribute', ctx.where, `perm must be a permutation of the ${rank} axes of ${withBatch(x)}, not ${showShape(perm)}`);
  const batchAxis = perm.indexOf(batch);
  const irPerm = perm.filter((p) => p !== batch).map((p) => (p > batch ? p - 1 : p));
  const moved = batchAxis ? { batchAxis } : {};
  if (irPerm.every((p, k) => p === k)) return { kind: 'layer', layer: x.layer, shape: x.shape, ...moved };
  return { ...ctx.addLayer({ kind: 'transpose', inputs: [x.layer], shape: irPerm.map((p) => x.shape[p]), perm: irPerm }), ...moved };
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { showShape, withBatch } from '../values.ts';

/** Output axis a is input axis perm[a] (default: reversed); the batch axis must stay first. A transposed constant
 * (e.g. weights stored [out][in]) is folded by the constant evaluator. */
export const Transpose: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const rank = x.shape.length + 1;
  const perm = ctx.attrs.ints('perm') ?? [...Array(rank).keys()].reverse();
  const valid = perm.length === rank && [...perm].sort((a, b) => a - b).every((p, k) => p === k);
  if (!valid || perm[0] !== 0) {
    throw fail('unsupported-attribute', ctx.where, `perm must be a permutation of the ${rank} axes of ${withBatch(x)} that keeps the batch axis 0 first, not ${showShape(perm)}`);
  }
  const irPerm = perm.slice(1).map((p) => p - 1);
  return ctx.addLayer({ kind: 'transpose', inputs: [x.layer], shape: irPerm.map((p) => x.shape[p]), perm: irPerm });
};

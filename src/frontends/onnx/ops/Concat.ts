import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { withBatch } from '../values.ts';

/** Layer outputs laid side by side along a non-batch axis: a concatenate layer (axis without the batch). */
export const Concat: OpHandler = (ctx) => {
  const xs = ctx.inputNames.map((_n, i) => ctx.layerInput(i));
  if (xs.length === 1) return xs[0];
  const rank = xs[0].shape.length + 1;
  const raw = ctx.attrs.int('axis', 1);
  const axis = raw < 0 ? raw + rank : raw;
  if (axis < 1 || axis >= rank) throw fail('unsupported-attribute', ctx.where, `axis must be a non-batch axis of ${withBatch(xs[0])} (1..${rank - 1} or ${-rank + 1}..-1), not ${raw}`);
  const a = axis - 1;
  for (const x of xs) {
    if (x.shape.length !== rank - 1 || x.shape.some((d, k) => k !== a && d !== xs[0].shape[k])) {
      throw fail('shape-mismatch', ctx.where, `inputs must match ${withBatch(xs[0])} except along axis ${axis}, not ${withBatch(x)}`);
    }
  }
  const shape = xs[0].shape.map((d, k) => (k === a ? xs.reduce((s, x) => s + x.shape[a], 0) : d));
  return ctx.addLayer({ kind: 'concatenate', inputs: xs.map((x) => x.layer), shape, axis: a });
};

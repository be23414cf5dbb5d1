import { fail } from '../../../diagnostics/diagnostic.ts';
import { sliceRanges } from '../fold/shape-ops.ts';
import type { OpHandler } from '../op-context.ts';
import { selectAlong } from '../select.ts';
import { withBatch } from '../values.ts';

/**
 * Slice of a layer output that keeps every axis whole but one, where it takes one element (PyTorch's `out[:, -1:]`,
 * `h_n[-1:]`): the element selected without a slicing layer (../select.ts), the axis kept with size 1. Slice on
 * constants only is folded by the constant evaluator.
 */
export const Slice: OpHandler = (ctx) => {
  const x = ctx.layerInputAnyBatch(0);
  const batch = x.batchAxis ?? 0;
  const dims = [...x.shape];
  dims.splice(batch, 0, 1);
  const consts = ctx.inputNames.map((_n, i) => (i > 0 && ctx.input(i) ? ctx.constInput(i, ['', 'starts', 'ends', 'axes', 'steps'][i]) : undefined));
  const ranges = sliceRanges(ctx, consts, dims);
  const cut = ranges.flatMap((r, a) => (r.start === 0 && r.step === 1 && r.count === dims[a] ? [] : [a]));
  if (cut.length === 0) return x;
  const a = cut[0];
  const what = `a slice of ${withBatch(x)} taking [${ranges.map((r) => `${r.start}:${r.start + r.count * r.step}:${r.step}`).join(', ')}]`;
  if (cut.length > 1 || a === batch || ranges[a].count !== 1) {
    throw fail('unsupported-topology', ctx.where, `the slice must keep every axis whole but one non-batch axis, where it takes one element (no slicing layer), not ${what}`);
  }
  const irAxis = a > batch ? a - 1 : a;
  const y = selectAlong(ctx, x, irAxis, ranges[a].start);
  if (!y) {
    throw fail('unsupported-topology', ctx.where, `the sliced element must be the last time step of a recurrent layer's sequence, one part of a concatenation or an axis of size 1 (no slicing layer), not ${what}`);
  }
  const out = ctx.addLayer({ kind: 'reshape', inputs: [y.layer], shape: x.shape.map((d, k) => (k === irAxis ? 1 : d)) });
  return batch ? { ...out, batchAxis: batch } : out;
};

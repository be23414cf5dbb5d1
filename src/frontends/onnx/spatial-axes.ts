import { fail } from '../../diagnostics/diagnostic.ts';
import type { ChannelOrder } from './layout.ts';
import type { OpContext } from './op-context.ts';
import { withBatch, type LayerValue } from './values.ts';

/**
 * Pad and Resize give one amount per axis of [batch, …x.shape]; the IR's pad and upsample layers change spatial axes
 * only. The batch axis must be left alone, and so must a channel axis: axis 1 (ONNX's channels-first layout) when it
 * is, else the last axis (a channels-last tensor, as in QONNX channels-last models). Returns that layout and the
 * amounts of the spatial axes, in order.
 */
export function spatialAmounts<T>(ctx: OpContext, x: LayerValue, amounts: readonly T[], unchanged: (a: T) => boolean, what: string, shown: string): { order: ChannelOrder; spatial: T[] } {
  const rank = x.shape.length + 1;
  if (amounts.length !== rank) throw fail('shape-mismatch', ctx.where, `${what} must have ${rank} entries (one per axis of ${withBatch(x)}), not ${amounts.length}`);
  const r = rank - 2;
  if (r < 1 || r > 2) throw fail('shape-mismatch', ctx.where, `the input must have 1 or 2 spatial axes besides batch and channels, not ${withBatch(x)}`);
  if (!unchanged(amounts[0])) throw fail('unsupported-attribute', ctx.where, `${what} must leave the batch axis 0 unchanged, not ${shown}`);
  if (unchanged(amounts[1])) return { order: 'first', spatial: amounts.slice(2) };
  if (unchanged(amounts[rank - 1])) return { order: 'last', spatial: amounts.slice(1, -1) };
  throw fail('unsupported-attribute', ctx.where, `${what} must leave a channel axis (1, or the last one) unchanged, not ${shown}`);
}

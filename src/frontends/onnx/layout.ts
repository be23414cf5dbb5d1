import { fail } from '../../diagnostics/diagnostic.ts';
import { onAxis } from './channel-axis.ts';
import type { OpContext } from './op-context.ts';
import { withBatch, type LayerValue } from './values.ts';

/**
 * Where the channel axis of a spatial tensor sits: ONNX ops are channels-first ([batch, C, spatial…]); the ops of
 * QONNX's `qonnx.custom_op.channels_last` domain are channels-last ([batch, spatial…, C]), as the IR is.
 */
export type ChannelOrder = 'first' | 'last';

/** The axes of x (no batch) as [channel axis, spatial axes…] in the given order. */
export function channelAxis(x: LayerValue, order: ChannelOrder): number {
  return order === 'first' ? 0 : x.shape.length - 1;
}

/** The spatial extents of x: 1 or 2 spatial axes besides the channel axis, else a diagnostic. */
export function spatialShape(ctx: OpContext, x: LayerValue, order: ChannelOrder): number[] {
  const r = x.shape.length - 1;
  if (r < 1 || r > 2) {
    const layout = order === 'first' ? '[batch, C, L] or [batch, C, H, W]' : '[batch, L, C] or [batch, H, W, C]';
    throw fail('shape-mismatch', ctx.where, `the input must have 1 or 2 spatial axes, ${layout}, not ${withBatch(x)}`);
  }
  return order === 'first' ? x.shape.slice(1) : x.shape.slice(0, -1);
}

/**
 * Build a channels-last layer on x: directly for a channels-last tensor, else between a transpose to channels-last
 * and one back (the `cancel-transpose` pass removes the pairs that meet between consecutive layers).
 */
export function channelsLast(ctx: OpContext, x: LayerValue, order: ChannelOrder, build: (input: LayerValue) => LayerValue): LayerValue {
  return onAxis(ctx, x, channelAxis(x, order), build);
}

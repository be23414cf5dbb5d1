import { fail } from '../../diagnostics/diagnostic.ts';
import type { PoolOp, Window } from '../../ir/layers.ts';
import { windowOutputSpatial } from '../../ir/window.ts';
import { channelsLast, spatialShape, type ChannelOrder } from './layout.ts';
import type { OpContext, OpHandler } from './op-context.ts';
import { showShape, withBatch, type LayerValue } from './values.ts';
import { readWindow } from './window-attrs.ts';

/** A `pool` layer per channel over `window`; the channels keep their count and place. */
function addPool(ctx: OpContext, x: LayerValue, order: ChannelOrder, spatial: number[], op: PoolOp, window: Window, countPad: boolean): LayerValue {
  const out = windowOutputSpatial(spatial, window);
  if (out.some((d) => d < 1)) {
    throw fail('shape-mismatch', ctx.where, `the ${window.kernel.join('×')} window (pads ${showShape([...window.padBegin, ...window.padEnd])}) must fit the input ${withBatch(x)}`);
  }
  return channelsLast(ctx, x, order, (input) => {
    const channels = input.shape[input.shape.length - 1];
    return ctx.addLayer({ kind: 'pool', inputs: [input.layer], shape: [...out, channels], op, countPad, ...window });
  });
}

/**
 * MaxPool / AveragePool: the maximum, or the mean, of each window per channel. Padding never wins a maximum; an
 * average counts it only with count_include_pad = 1. MaxPool's second output (the indices) has no IR equivalent.
 * Dilations exist for MaxPool from opset 10 and AveragePool from opset 19.
 */
export const poolOp = (op: PoolOp, order: ChannelOrder): OpHandler => (ctx) => {
  const x = ctx.layerInput(0);
  const spatial = spatialShape(ctx, x, order);
  const indices = ctx.outputNames[1];
  if (indices && ctx.uses(indices) > 0) {
    throw fail('unsupported-topology', ctx.where, `output 1 (the indices) must be unused, not read by ${ctx.uses(indices)} node(s) or graph outputs`);
  }
  const window = readWindow(ctx, spatial, { dilations: op === 'max' ? ctx.opset >= 10 : ctx.opset >= 19 });
  const countPad = op === 'average' && ctx.attrs.requireInt('count_include_pad', 0, [0, 1]) === 1;
  return addPool(ctx, x, order, spatial, op, window, countPad);
};

/** GlobalMaxPool / GlobalAveragePool: one window as large as the input; the output keeps 1-sized spatial axes. */
export const globalPoolOp = (op: PoolOp, order: ChannelOrder): OpHandler => (ctx) => {
  const x = ctx.layerInput(0);
  const spatial = spatialShape(ctx, x, order);
  const ones = spatial.map(() => 1);
  const zeros = spatial.map(() => 0);
  const window: Window = { kernel: spatial, strides: ones, dilations: ones, padBegin: zeros, padEnd: zeros };
  return addPool(ctx, x, order, spatial, op, window, false);
};

import { fail } from '../../diagnostics/diagnostic.ts';
import { windowOutputSpatial, windowTaps } from '../../ir/window.ts';
import { convWeights, depthwiseWeights } from './conv-weights.ts';
import { broadcastBias } from './dense.ts';
import { channelsLast, spatialShape, type ChannelOrder } from './layout.ts';
import type { OpContext, OpHandler } from './op-context.ts';
import { statedTypes } from './qonnx.ts';
import { showShape, withBatch } from './values.ts';
import { readWindow } from './window-attrs.ts';

/**
 * Conv: Y = X ⋆ W + B, inputs X, W [M, C/group, k…] ([M, k…, C/group] channels-last), B [M] optional. group 1 is a
 * `conv` layer; group = C (each input channel its own M/C filters) a `depthwise_conv` with multiplier M/C. Any other
 * group is refused: the IR has no grouped convolution.
 */
export const convOp = (order: ChannelOrder): OpHandler => (ctx) => {
  const x = ctx.layerInput(0);
  const spatial = spatialShape(ctx, x, order);
  const channels = order === 'first' ? x.shape[0] : x.shape[x.shape.length - 1];
  const w = ctx.constInput(1, 'W (the weights)');
  const r = spatial.length;
  const [nOut, cg, kernel] = order === 'first' ? [w.dims[0], w.dims[1], w.dims.slice(2)] : [w.dims[0], w.dims[r + 1], w.dims.slice(1, r + 1)];
  if (w.dims.length !== r + 2) {
    throw fail('shape-mismatch', ctx.where, `W (the weights) must have ${r + 2} dimensions for input ${withBatch(x)}, not ${showShape(w.dims)}`);
  }
  const group = ctx.attrs.int('group', 1);
  if (group !== 1 && group !== channels) {
    throw fail('unsupported-attribute', ctx.where, `group must be 1 (a convolution) or ${channels} (depthwise: the input channels), not ${group}`);
  }
  if (cg * group !== channels || nOut % group !== 0) {
    throw fail('shape-mismatch', ctx.where, `W (the weights) ${showShape(w.dims)} must have ${channels / group} input channels per group and a multiple of ${group} filters for input ${withBatch(x)} and group ${group}`);
  }
  const window = readWindow(ctx, spatial, { kernel });
  if (windowOutputSpatial(spatial, window).some((d) => d < 1)) {
    throw fail('shape-mismatch', ctx.where, `the ${kernel.join('×')} window (dilations ${showShape(window.dilations)}, pads ${showShape([...window.padBegin, ...window.padEnd])}) must fit the input ${withBatch(x)}`);
  }
  const b = ctx.input(2) ? ctx.constInput(2, 'B (the bias)') : undefined;
  const bias = b ? broadcastBias(ctx, b, nOut, 'B (the bias)') : new Float64Array(nOut);
  const declared = statedTypes({ ...(w.declared ? { weight: w.declared } : {}), ...(b?.declared ? { bias: b.declared } : {}) });
  const taps = windowTaps(window);
  return channelsLast(ctx, x, order, (input) => {
    const shape = [...windowOutputSpatial(spatial, window), nOut];
    const base = { inputs: [input.layer], shape, ...window, bias, declared };
    if (group === 1) return ctx.addLayer({ kind: 'conv', ...base, nIn: channels, nOut, weights: convWeights(w.data, order, taps, channels, nOut) });
    const multiplier = nOut / channels;
    return ctx.addLayer({ kind: 'depthwise_conv', ...base, channels, multiplier, weights: depthwiseWeights(w.data, order, taps, channels, multiplier) });
  });
};

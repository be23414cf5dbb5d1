import type { LayerHandler } from '../context.ts';
import { FoldedParams } from '../qkeras/fold-params.ts';
import { applyActivation } from './activations.ts';
import { positiveInt } from './Conv.ts';
import { kerasWindow, paddingName, perAxis, spatialInput } from './window.ts';

/**
 * DepthwiseConv1D/2D: y[p, c·m + k] = b[c·m + k] + Σ_t x[tap(p, t), c] · K[t][c][k], m = depth_multiplier. Keras's
 * kernel [k…][C][m] is the IR's layout. Keras 2 names it `depthwise_kernel`, Keras 3 `kernel`.
 */
const depthwise = (rank: 1 | 2, quantized: boolean): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const m = positiveInt(ctx, 'depth_multiplier', 1);
  const kernel = perAxis(ctx, 'kernel_size', rank, 1);
  const strides = perAxis(ctx, 'strides', rank, 1, 1);
  const dilations = perAxis(ctx, 'dilation_rate', rank, 1, 1);
  const { window, outSpatial } = kerasWindow(ctx, spatial, { kernel, strides, dilations }, paddingName(ctx, ['valid', 'same']));
  const useBias = ctx.cfg.boolean('use_bias', true);
  const [name, alias] = ctx.kerasMajor >= 3 ? ['kernel', 'depthwise_kernel'] : ['depthwise_kernel', 'kernel'];
  const [k, b] = ctx.weights([{ name, alias, shape: [...kernel, channels, m] }, ...(useBias ? [{ name: 'bias', shape: [channels * m] }] : [])]);
  const params = new FoldedParams(ctx, quantized);
  const weights = params.fold('depthwise_quantizer', k.data, 'weight');
  const bias = b ? params.fold('bias_quantizer', b.data, 'bias') : new Float64Array(channels * m);
  const out = ctx.add({ kind: 'depthwise_conv', inputs: [x.layer], shape: [...outSpatial, channels * m], ...window, channels, multiplier: m, weights, bias, ...params.declared() });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
};

export const DepthwiseConv1D = depthwise(1, false);
export const DepthwiseConv2D = depthwise(2, false);
/** QDepthwiseConv2D: the kernel through depthwise_quantizer, the bias through bias_quantizer. */
export const QDepthwiseConv2D = depthwise(2, true);

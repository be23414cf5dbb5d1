import { fail } from '../../../diagnostics/diagnostic.ts';
import type { KerasContext, LayerHandler } from '../context.ts';
import { FoldedParams } from '../qkeras/fold-params.ts';
import { applyActivation } from './activations.ts';
import { kerasWindow, paddingName, perAxis, spatialInput } from './window.ts';

/**
 * Conv1D/Conv2D: y[p, f] = b_f + Σ_t Σ_c x[tap(p, t), c] · K[t][c][f]. Keras's kernel [k…][C][F] is the IR's layout,
 * so it is taken as stored; `activation=` becomes a layer `<name>_<activation>`, as for Dense.
 */
const conv = (rank: 1 | 2, quantized: boolean): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const filters = positiveInt(ctx, 'filters');
  const groups = ctx.cfg.number('groups', 1);
  if (groups !== 1) throw fail('unsupported-attribute', ctx.where, `groups must be 1, not ${groups} (a grouped convolution is not supported; use DepthwiseConv for groups = channels)`);
  const kernel = perAxis(ctx, 'kernel_size', rank, 1);
  const strides = perAxis(ctx, 'strides', rank, 1, 1);
  const dilations = perAxis(ctx, 'dilation_rate', rank, 1, 1);
  const { window, outSpatial } = kerasWindow(ctx, spatial, { kernel, strides, dilations }, paddingName(ctx, rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same']));
  const useBias = ctx.cfg.boolean('use_bias', true);
  const [k, b] = ctx.weights([{ name: 'kernel', shape: [...kernel, channels, filters] }, ...(useBias ? [{ name: 'bias', shape: [filters] }] : [])]);
  const params = new FoldedParams(ctx, quantized);
  const weights = params.fold('kernel_quantizer', k.data, 'weight');
  const bias = b ? params.fold('bias_quantizer', b.data, 'bias') : new Float64Array(filters);
  const out = ctx.add({ kind: 'conv', inputs: [x.layer], shape: [...outSpatial, filters], ...window, nIn: channels, nOut: filters, weights, bias, ...params.declared() });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
};

export const Conv1D = conv(1, false);
export const Conv2D = conv(2, false);
/** QConv1D/QConv2D: the kernel and bias pass through kernel_quantizer/bias_quantizer (folded; their types declared). */
export const QConv1D = conv(1, true);
export const QConv2D = conv(2, true);

export function positiveInt(ctx: KerasContext, key: string, fallback?: number): number {
  const v = ctx.cfg.number(key, fallback);
  if (v === undefined || !Number.isInteger(v) || v < 1) throw fail('unsupported-attribute', ctx.where, `${key} must be a positive integer, not ${JSON.stringify(ctx.cfg.raw(key))}`);
  return v;
}

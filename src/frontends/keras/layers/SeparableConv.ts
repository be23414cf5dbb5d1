import type { LayerHandler } from '../context.ts';
import { FoldedParams } from '../qkeras/fold-params.ts';
import { applyActivation } from './activations.ts';
import { positiveInt } from './Conv.ts';
import { kerasWindow, paddingName, perAxis, spatialInput } from './window.ts';

/**
 * SeparableConv1D/2D = a depthwise convolution (the window, no bias) then a 1×1 convolution (the bias): two IR layers,
 * `<name>_depthwise` (depthwise_conv) and `<name>` (conv), so the Keras name, its LayerName settings and its trace
 * stand for the layer's output. Variables: depthwise_kernel [k…][C][m], pointwise_kernel [1…][C·m][F], bias [F].
 * QKeras's `depthwise_activation` (when set) acts between the two; `activation=` after the pointwise.
 */
const separable = (rank: 1 | 2, quantized: boolean): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const m = positiveInt(ctx, 'depth_multiplier', 1);
  const filters = positiveInt(ctx, 'filters');
  const kernel = perAxis(ctx, 'kernel_size', rank, 1);
  const strides = perAxis(ctx, 'strides', rank, 1, 1);
  const dilations = perAxis(ctx, 'dilation_rate', rank, 1, 1);
  const { window, outSpatial } = kerasWindow(ctx, spatial, { kernel, strides, dilations }, paddingName(ctx, ['valid', 'same']));
  const useBias = ctx.cfg.boolean('use_bias', true);
  const mid = channels * m;
  const ones = new Array<number>(rank).fill(1);
  const [dk, pk, b] = ctx.weights([
    { name: 'depthwise_kernel', shape: [...kernel, channels, m] },
    { name: 'pointwise_kernel', shape: [...ones, mid, filters] },
    ...(useBias ? [{ name: 'bias', shape: [filters] }] : []),
  ]);
  const dw = new FoldedParams(ctx, quantized);
  const dwWeights = dw.fold('depthwise_quantizer', dk.data, 'weight');
  const d = ctx.add(
    { kind: 'depthwise_conv', inputs: [x.layer], shape: [...outSpatial, mid], ...window, channels, multiplier: m, weights: dwWeights, bias: new Float64Array(mid), ...dw.declared() },
    { suffix: 'depthwise' },
  );
  const between = applyActivation(ctx, d, ctx.cfg.raw('depthwise_activation'), true);
  const pw = new FoldedParams(ctx, quantized);
  const weights = pw.fold('pointwise_quantizer', pk.data, 'weight');
  const bias = b ? pw.fold('bias_quantizer', b.data, 'bias') : new Float64Array(filters);
  const zeros = new Array<number>(rank).fill(0);
  const out = ctx.add({
    kind: 'conv', inputs: [between.layer], shape: [...outSpatial, filters],
    kernel: ones, strides: ones, dilations: ones, padBegin: zeros, padEnd: zeros, nIn: mid, nOut: filters, weights, bias, ...pw.declared(),
  });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
};

export const SeparableConv1D = separable(1, false);
export const SeparableConv2D = separable(2, false);
/** QSeparableConv1D/2D: depthwise_quantizer, pointwise_quantizer and bias_quantizer folded; their types declared. */
export const QSeparableConv1D = separable(1, true);
export const QSeparableConv2D = separable(2, true);

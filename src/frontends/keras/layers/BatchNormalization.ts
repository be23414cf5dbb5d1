import type { LayerHandler } from '../context.ts';
import type { KerasContext, Produced } from '../context.ts';
import { channelsLastInside } from './channels-first.ts';
import { quantizeWeights } from '../qkeras/quantize-weights.ts';
import { lastAxis } from './Activation.ts';

/** Inference BN over the last axis: y = (x − μ)·γ/√(σ² + ε) + β = x·s + (β − μ·s), s = γ/√(σ² + ε) */
export const BatchNormalization: LayerHandler = (ctx) => batchnorm(ctx, false);

/** QBatchNormalization: γ, β, μ, σ² pass through their QKeras quantizers first, then the same folding. */
export const QBatchNormalization: LayerHandler = (ctx) => batchnorm(ctx, true);

function batchnorm(ctx: KerasContext, quantized: boolean) {
  const x = ctx.input();
  const axis = ctx.cfg.raw('axis') ?? -1;
  // axis 1 of a [C, S…] tensor (a channels_first model): computed channels-last between two transposes
  const a = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  if (a === 1 && x.shape.length > 1) return channelsLastInside(ctx, x, (last) => normalize(ctx, last, quantized));
  lastAxis(ctx, x, axis);
  return normalize(ctx, x, quantized);
}

function normalize(ctx: KerasContext, x: Produced, quantized: boolean) {
  const c = x.shape[x.shape.length - 1];
  const scaled = ctx.cfg.boolean('scale', true);
  const centered = ctx.cfg.boolean('center', true);
  const names = [...(scaled ? ['gamma'] : []), ...(centered ? ['beta'] : []), 'moving_mean', 'moving_variance'];
  const tensors = ctx.weights(names.map((name) => ({ name, shape: [c] })));
  const param = (name: string, fallback: number): Float64Array => {
    const t = tensors[names.indexOf(name)];
    const values = t ? t.data : new Float64Array(c).fill(fallback);
    const key = { gamma: 'gamma_quantizer', beta: 'beta_quantizer', moving_mean: 'mean_quantizer', moving_variance: 'variance_quantizer' }[name]!;
    return quantized && t ? quantizeWeights(ctx, key, values).values : values;
  };
  const [gamma, beta, mean, variance] = [param('gamma', 1), param('beta', 0), param('moving_mean', 0), param('moving_variance', 1)];
  const epsilon = ctx.cfg.number('epsilon', 0.001);
  const scale = gamma.map((g, i) => g / Math.sqrt(variance[i] + epsilon));
  const bias = beta.map((b, i) => b - mean[i] * scale[i]);
  return ctx.add({ kind: 'batchnorm', inputs: [x.layer], shape: x.shape, scale, bias });
}

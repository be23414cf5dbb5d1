import { fail } from '../../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { PrecisionVar } from '../../../ir/layers.ts';
import { ConfigReader } from '../config-reader.ts';
import type { KerasContext, LayerHandler } from '../context.ts';
import { quantizeWeights } from '../qkeras/quantize-weights.ts';
import { showShape } from '../tensor.ts';
import { applyActivation } from './activations.ts';

/**
 * TimeDistributed(Dense | QDense) on [steps, features]: the same dense applied at every time step, i.e. a dense on
 * the last axis — in the IR a 1-D convolution with a one-tap window (y[t, f] = b_f + Σ_c x[t, c] · K[c][f], the
 * kernel [1][features][units]), then the Dense's activation.
 */
export const TimeDistributed: LayerHandler = (ctx) => {
  const x = ctx.input();
  const inner = ctx.cfg.raw('layer') as { class_name?: string; config?: Record<string, unknown> } | undefined;
  const cls = String(inner?.class_name ?? '');
  if (cls !== 'Dense' && cls !== 'QDense') throw fail('unsupported-layer', ctx.where, `the wrapped layer must be Dense or QDense, not '${cls}'; supported: Dense, QDense`);
  if (x.shape.length !== 2) throw fail('shape-mismatch', ctx.where, `the input must be [time steps, features], not ${showShape(x.shape)}`);
  const cfg = new ConfigReader(inner?.config ?? {}, ctx.where);
  const [steps, nIn] = x.shape;
  const units = cfg.number('units');
  if (units === undefined || !Number.isInteger(units) || units < 1) throw fail('unsupported-attribute', ctx.where, `units must be a positive integer, not ${JSON.stringify(cfg.raw('units'))}`);
  const useBias = cfg.boolean('use_bias', true);
  const [kernel, bias] = ctx.innerWeights([{ name: 'kernel', shape: [nIn, units] }, ...(useBias ? [{ name: 'bias', shape: [units] }] : [])], { subPath: 'layer', scope: '' });
  const declared: Partial<Record<PrecisionVar, FixedType>> = {};
  const wrapped = { ...ctx, cfg } as KerasContext; // the quantizers are keys of the wrapped layer's config
  const fold = (key: string, v: Float64Array, p: PrecisionVar) => {
    if (cls !== 'QDense') return v;
    const q = quantizeWeights(wrapped, key, v);
    if (q.type) declared[p] = q.type;
    return q.values;
  };
  const weights = fold('kernel_quantizer', kernel.data, 'weight');
  const biases = useBias ? fold('bias_quantizer', bias.data, 'bias') : new Float64Array(units);
  const out = ctx.add({
    kind: 'conv', inputs: [x.layer], shape: [steps, units], nIn, nOut: units, weights, bias: biases,
    kernel: [1], strides: [1], dilations: [1], padBegin: [0], padEnd: [0],
    ...(Object.keys(declared).length ? { declared } : {}),
  });
  return applyActivation(ctx, out, cfg.raw('activation'), true);
};

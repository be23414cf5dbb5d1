import { fail } from '../../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { PrecisionVar } from '../../../ir/layers.ts';
import type { KerasContext, LayerHandler } from '../context.ts';
import { quantizeWeights } from '../qkeras/quantize-weights.ts';
import { showShape } from '../tensor.ts';
import { applyActivation } from './activations.ts';

/** y = x · K + b with the kernel K stored [in][out] row-major, as the IR's dense; then the activation= argument. */
export const Dense: LayerHandler = (ctx) => dense(ctx, false);

/** QDense: Dense whose kernel and bias pass through their QKeras quantizers (folded; their types become declared). */
export const QDense: LayerHandler = (ctx) => dense(ctx, true);

function dense(ctx: KerasContext, quantized: boolean) {
  const x = ctx.input();
  if (x.shape.length !== 1) {
    throw fail('shape-mismatch', ctx.where, `the input must be 1-D [n], not ${showShape(x.shape)} (Dense on the last axis of an N-D tensor is not supported yet)`);
  }
  const nIn = x.shape[0];
  const units = ctx.cfg.number('units');
  if (units === undefined || !Number.isInteger(units) || units < 1) throw fail('unsupported-attribute', ctx.where, `units must be a positive integer, not ${JSON.stringify(ctx.cfg.raw('units'))}`);
  const useBias = ctx.cfg.boolean('use_bias', true);
  const [kernel, bias] = ctx.weights([{ name: 'kernel', shape: [nIn, units] }, ...(useBias ? [{ name: 'bias', shape: [units] }] : [])]);
  let weights = kernel.data;
  let biases = bias ? bias.data : new Float64Array(units);
  const declared: Partial<Record<PrecisionVar, FixedType>> = {};
  if (quantized) {
    const k = quantizeWeights(ctx, 'kernel_quantizer', weights);
    [weights, declared.weight] = [k.values, k.type];
    if (useBias) {
      const b = quantizeWeights(ctx, 'bias_quantizer', biases);
      [biases, declared.bias] = [b.values, b.type];
    }
  }
  const stated = Object.fromEntries(Object.entries(declared).filter(([, t]) => t)) as Partial<Record<PrecisionVar, FixedType>>;
  const out = ctx.add({
    kind: 'dense', inputs: [x.layer], shape: [units], nIn, nOut: units, weights, bias: biases,
    ...(Object.keys(stated).length ? { declared: stated } : {}),
  });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
}

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { KerasContext, LayerHandler } from '../context.ts';
import { FoldedParams } from '../qkeras/fold-params.ts';
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
  const params = new FoldedParams(ctx, quantized);
  const weights = params.fold('kernel_quantizer', kernel.data, 'weight');
  const biases = bias ? params.fold('bias_quantizer', bias.data, 'bias') : new Float64Array(units);
  const out = ctx.add({ kind: 'dense', inputs: [x.layer], shape: [units], nIn, nOut: units, weights, bias: biases, ...params.declared() });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
}

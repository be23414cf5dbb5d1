import { fail } from '../../../diagnostics/diagnostic.ts';
import type { KerasContext, LayerHandler } from '../context.ts';
import { FoldedParams } from '../qkeras/fold-params.ts';
import { showShape } from '../tensor.ts';
import { applyActivation } from './activations.ts';

/**
 * y = x · K + b with the kernel K stored [in][out] row-major, as the IR's dense (on [S…, n]: at every position, a 1×1
 * conv); then the activation= argument.
 */
export const Dense: LayerHandler = (ctx) => dense(ctx, false);

/** QDense: Dense whose kernel and bias pass through their QKeras quantizers (folded; their types become declared). */
export const QDense: LayerHandler = (ctx) => dense(ctx, true);

function dense(ctx: KerasContext, quantized: boolean) {
  const x = ctx.input();
  if (x.shape.length > 3) {
    throw fail('shape-mismatch', ctx.where, `the input must be [n], [steps, n] or [rows, cols, n], not ${showShape(x.shape)} (Dense on the last axis of a tensor with more axes is not supported)`);
  }
  const nIn = x.shape[x.shape.length - 1];
  const units = ctx.cfg.number('units');
  if (units === undefined || !Number.isInteger(units) || units < 1) throw fail('unsupported-attribute', ctx.where, `units must be a positive integer, not ${JSON.stringify(ctx.cfg.raw('units'))}`);
  const useBias = ctx.cfg.boolean('use_bias', true);
  const [kernel, bias] = ctx.weights([{ name: 'kernel', shape: [nIn, units] }, ...(useBias ? [{ name: 'bias', shape: [units] }] : [])]);
  const params = new FoldedParams(ctx, quantized);
  const weights = params.fold('kernel_quantizer', kernel.data, 'weight');
  const biases = bias ? params.fold('bias_quantizer', bias.data, 'bias') : new Float64Array(units);
  const common = { inputs: [x.layer], nIn, nOut: units, weights, bias: biases, ...params.declared() };
  const out = x.shape.length === 1
    ? ctx.add({ kind: 'dense', shape: [units], ...common })
    : ctx.add({ kind: 'conv', shape: [...x.shape.slice(0, -1), units], ...pointwise(x.shape.length - 1), ...common });
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
}

/**
 * Dense on [S…, n] acts on the last axis at every position: a 1×1 convolution (its kernel [1…][n][units] is the
 * Dense kernel [n][units] as stored).
 */
function pointwise(rank: number) {
  const ones = new Array<number>(rank).fill(1);
  const zeros = new Array<number>(rank).fill(0);
  return { kernel: ones, strides: ones, dilations: ones, padBegin: zeros, padEnd: zeros };
}

import { fail } from '../../../diagnostics/diagnostic.ts';
import { onAxis } from '../channel-axis.ts';
import { channelAxis, type ChannelOrder } from '../layout.ts';
import type { OpHandler } from '../op-context.ts';
import { showShape } from '../values.ts';

const PARAMS = ['scale (gamma)', 'B (beta)', 'mean', 'var'] as const;

/**
 * Inference BN over ONNX's channel axis 1 (the first axis after the batch): y = γ·(x − μ)/√(var + ε) + β
 * = x·s + (β − μ·s), s = γ/√(var + ε). A batchnorm layer; on an N-D input, between transposes that make the
 * channel axis last (the IR is channels-last). QONNX's channels-last BatchNormalization has its channels last already.
 */
export const batchNormalizationOn = (order: ChannelOrder): OpHandler => (ctx) => {
  const x = ctx.layerInput(0);
  ctx.attrs.requireInt('training_mode', 0, [0]);
  const axis = x.shape.length === 1 ? 0 : channelAxis(x, order);
  const channels = x.shape[axis];
  const [gamma, beta, mean, variance] = PARAMS.map((role, k) => {
    const t = ctx.constInput(k + 1, role);
    if (t.data.length !== channels) {
      throw fail('shape-mismatch', ctx.where, `${role} must have shape [${channels}], not ${showShape(t.dims)}`);
    }
    return t.data;
  });
  const epsilon = ctx.attrs.float('epsilon', Math.fround(1e-5));
  const scale = gamma.map((g, c) => g / Math.sqrt(variance[c] + epsilon));
  const bias = beta.map((b, c) => b - mean[c] * scale[c]);
  return onAxis(ctx, x, axis, (input) => ctx.addLayer({ kind: 'batchnorm', inputs: [input.layer], shape: input.shape, scale, bias }));
};

export const BatchNormalization = batchNormalizationOn('first');

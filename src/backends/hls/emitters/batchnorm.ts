import { quantizeArray } from '../../../fixed/index.ts';
import { arrayFile, unsignedConstant, type LayerEmitter } from '../emit-context.ts';

/** nnet::normalize: one scale and bias per channel of the last axis. */
export const emitBatchNorm: LayerEmitter<'batchnorm'> = (layer, ctx) => {
  const s = arrayFile(ctx, `s${ctx.index}`, 'scale', quantizeArray(layer.scale, ctx.precision('scale')), 'scales');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return {
    kind: 'kernel',
    types: ['scale', 'bias'],
    constants: [unsignedConstant('n_filt', layer.scale.length)],
    kernel: 'nnet::normalize',
    args: [ctx.input.name, ctx.output.name, s.name, b.name],
    arrays: [s, b],
  };
};

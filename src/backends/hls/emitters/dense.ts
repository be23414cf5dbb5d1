import { quantizeArray } from '../../../fixed/index.ts';
import { arrayFile, expectInputSize, castProductsConstant, unsignedConstant, type LayerEmitter } from '../emit-context.ts';

/** nnet::dense: weights row-major [n_in][n_out] as in the IR, quantized once to the weight and bias types. */
export const emitDense: LayerEmitter<'dense'> = (layer, ctx) => {
  expectInputSize(ctx, layer.nIn);
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantizeArray(layer.weights, ctx.precision('weight')), 'weights [n_in][n_out]');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return {
    kind: 'kernel',
    types: ['weight', 'bias', 'accum'],
    constants: [
      unsignedConstant('n_out', layer.nOut),
      unsignedConstant('reuse_factor', layer.reuseFactor),
      castProductsConstant(layer, ctx),
      { cType: 'nnet::strategy', name: 'strategy', value: layer.strategy === 'resource' ? 'nnet::resource' : 'nnet::latency' },
    ],
    kernel: 'nnet::dense',
    args: [ctx.input.name, ctx.output.name, w.name, b.name],
    arrays: [w, b],
  };
};

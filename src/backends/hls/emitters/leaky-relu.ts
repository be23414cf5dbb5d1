import { quantizeDouble, toValue } from '../../../fixed/index.ts';
import { exactDecimal } from '../cpp-literal.ts';
import type { LayerEmitter } from '../emit-context.ts';

/** nnet::leaky_relu: α is passed quantized (αq = Q_param(α)), as an exact decimal literal. */
export const emitLeakyRelu: LayerEmitter<'leaky_relu'> = (layer, ctx) => {
  const param = ctx.precision('param');
  const alpha = toValue(quantizeDouble(layer.alpha, param), param);
  return {
    kind: 'kernel',
    types: ['param'],
    constants: [],
    kernel: 'nnet::leaky_relu',
    args: [ctx.input.name, exactDecimal(alpha), ctx.output.name],
    arrays: [],
  };
};

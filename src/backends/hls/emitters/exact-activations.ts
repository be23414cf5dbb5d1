import { formatFixedType, quantizeDouble, toValue } from '../../../fixed/index.ts';
import { hardTanhAsClip } from '../../../ir/hard-tanh.ts';
import { exactDecimal } from '../cpp-literal.ts';
import { arrayFile, unsignedConstant, type KernelEmission, type LayerEmitter } from '../emit-context.ts';
import { emitClip, exactTypeOf, finiteBound } from './clip.ts';

const paramValue = (v: number, t: Parameters<typeof toValue>[1]): number => toValue(quantizeDouble(v, t), t);

/** nnet::prelu: one quantized slope per channel of the last axis, as a constant array of param_t. */
export const emitPrelu: LayerEmitter<'prelu'> = (layer, ctx) => {
  const param = ctx.precision('param');
  const values = layer.alpha.map((a) => paramValue(a, param));
  const file = arrayFile(ctx, `a${ctx.index}`, 'param', values, `PReLU slopes (${values.length} channels)`);
  return { kind: 'kernel', types: ['param'], constants: [unsignedConstant('n_chan', values.length)], kernel: 'nnet::prelu', args: [ctx.input.name, file.name, ctx.output.name], arrays: [file] };
};

/** nnet::hard_sigmoid: αq and βq passed as exact decimal literals of param_t. */
export const emitHardSigmoid: LayerEmitter<'hard_sigmoid'> = (layer, ctx) => {
  const param = ctx.precision('param');
  const [a, b] = [layer.alpha, layer.beta].map((v) => exactDecimal(paramValue(v, param)));
  return { kind: 'kernel', types: ['param'], constants: [], kernel: 'nnet::hard_sigmoid', args: [ctx.input.name, a, b, ctx.output.name], arrays: [] };
};

/** hard_tanh is nnet::clip with the bounds −1 and 1. */
export const emitHardTanh: LayerEmitter<'hard_tanh'> = (layer, ctx) => emitClip(hardTanhAsClip(layer), ctx);

/** Thresholds compared exactly: passed in `bound_t`, a type that holds each of them exactly. */
function thresholdEmission(kernel: string, bounds: number[], ctx: Parameters<LayerEmitter<'thresholded_relu'>>[1]): KernelEmission {
  const finite = bounds.map((v) => finiteBound(v, ctx));
  return {
    kind: 'kernel',
    types: [],
    constants: [],
    configTypedefs: [{ name: 'bound_t', cppType: formatFixedType(exactTypeOf(finite)) }],
    kernel,
    args: [ctx.input.name, ...finite.map(exactDecimal), ctx.output.name],
    arrays: [],
  };
}

export const emitThresholdedRelu: LayerEmitter<'thresholded_relu'> = (layer, ctx) => thresholdEmission('nnet::thresholded_relu', [layer.theta], ctx);
export const emitTernaryTanh: LayerEmitter<'ternary_tanh'> = (layer, ctx) => thresholdEmission('nnet::ternary_tanh', [layer.threshold, -layer.threshold], ctx);

export const emitBinaryTanh: LayerEmitter<'binary_tanh'> = (_layer, ctx) => ({
  kind: 'kernel',
  types: [],
  constants: [],
  kernel: 'nnet::binary_tanh',
  args: [ctx.input.name, ctx.output.name],
  arrays: [],
});

import { quantizeArray } from '../../../fixed/index.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import { arrayFile, expectInputSize, castProductsConstant, unsignedConstant, type LayerEmitter } from '../emit-context.ts';
import { indexTable, rankName, spatialOf } from './index-table.ts';
import { expectParallelFits } from './parallel-limit.ts';

/**
 * nnet::conv_{1d,2d}_cl: per output position, the dense contract over the im2col vector (tap, then channel). The
 * gather comes from src/ir/window.ts as a constant table; weights stay in the IR layout [taps][n_chan][n_filt],
 * quantized once to the weight type, biases to the bias type.
 */
export const emitConv: LayerEmitter<'conv'> = (layer, ctx) => {
  const { spatial } = spatialOf(ctx);
  expectInputSize(ctx, spatial.reduce((a, b) => a * b, 1) * layer.nIn);
  expectParallelFits(layer, { shape: ctx.input.shape, type: ctx.input.fixed });
  const taps = windowTaps(layer);
  const positions = windowOutputSpatial(spatial, layer).reduce((a, b) => a * b, 1);
  const index = indexTable(ctx, `conv_index${ctx.index}`, windowIndex(spatial, layer), taps, `im2col index [positions][taps] (kernel ${layer.kernel.join('×')})`);
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantizeArray(layer.weights, ctx.precision('weight')), 'weights [taps][n_chan][n_filt]');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return {
    kind: 'kernel',
    types: ['weight', 'bias', 'accum'],
    constants: [
      unsignedConstant('n_chan', layer.nIn),
      unsignedConstant('n_filt', layer.nOut),
      unsignedConstant('n_taps', taps),
      unsignedConstant('n_positions', positions),
      unsignedConstant('reuse_factor', Math.max(1, layer.reuseFactor)),
      castProductsConstant(layer, ctx),
    ],
    kernel: `nnet::conv_${rankName(spatial)}_cl`,
    args: [ctx.input.name, ctx.output.name, index.name, w.name, b.name],
    arrays: [index, w, b],
  };
};

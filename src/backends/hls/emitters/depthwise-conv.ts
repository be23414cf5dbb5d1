import { quantizeArray } from '../../../fixed/index.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import { arrayFile, expectInputSize, castProductsConstant, unsignedConstant, type LayerEmitter } from '../emit-context.ts';
import { indexTable, spatialOf } from './index-table.ts';
import { expectParallelFits } from './parallel-limit.ts';

/**
 * nnet::depthwise_conv_cl: output channel c·m + k accumulates x[tap, c] · w[t][c][k] over the taps in ascending
 * order. The gather comes from src/ir/window.ts; weights stay in the IR layout [taps][C][m].
 */
export const emitDepthwiseConv: LayerEmitter<'depthwise_conv'> = (layer, ctx) => {
  const { spatial } = spatialOf(ctx);
  expectInputSize(ctx, spatial.reduce((a, b) => a * b, 1) * layer.channels);
  expectParallelFits(layer, { shape: ctx.input.shape, type: ctx.input.fixed });
  const taps = windowTaps(layer);
  const positions = windowOutputSpatial(spatial, layer).reduce((a, b) => a * b, 1);
  const index = indexTable(ctx, `conv_index${ctx.index}`, windowIndex(spatial, layer), taps, `im2col index [positions][taps] (kernel ${layer.kernel.join('×')})`);
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantizeArray(layer.weights, ctx.precision('weight')), 'weights [taps][n_chan][depth_multiplier]');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return {
    kind: 'kernel',
    types: ['weight', 'bias', 'accum'],
    constants: [
      unsignedConstant('n_chan', layer.channels),
      unsignedConstant('depth_multiplier', layer.multiplier),
      unsignedConstant('n_taps', taps),
      unsignedConstant('n_positions', positions),
      unsignedConstant('reuse_factor', Math.max(1, layer.reuseFactor)),
      castProductsConstant(layer, ctx),
    ],
    kernel: 'nnet::depthwise_conv_cl',
    args: [ctx.input.name, ctx.output.name, index.name, w.name, b.name],
    arrays: [index, w, b],
  };
};

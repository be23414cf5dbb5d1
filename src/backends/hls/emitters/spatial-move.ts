import { windowIndex } from '../../../ir/window.ts';
import { strides } from '../../../ir/tensor.ts';
import { expectInputSize, unsignedConstant, type EmitContext, type KernelEmission, type LayerEmitter } from '../emit-context.ts';
import { indexTable, spatialOf } from './index-table.ts';

/**
 * Zero padding, cropping and nearest upsampling: data moves only (the type passes through), one gather per output
 * position through a table of source positions (−1: a zero). Padding and cropping are a 1-tap window over the input
 * (src/ir/window.ts): pads as they are, a crop as negative pads.
 */
const unitWindow = (padBegin: readonly number[], padEnd: readonly number[]) => ({
  kernel: padBegin.map(() => 1),
  strides: padBegin.map(() => 1),
  dilations: padBegin.map(() => 1),
  padBegin,
  padEnd,
});

function gather(ctx: EmitContext, kernel: string, index: Int32Array, what: string): KernelEmission {
  const { spatial, channels } = spatialOf(ctx);
  expectInputSize(ctx, spatial.reduce((a, b) => a * b, 1) * channels);
  const table = indexTable(ctx, `move_index${ctx.index}`, index, 16, what);
  return {
    kind: 'kernel',
    types: [],
    constants: [unsignedConstant('n_chan', channels), unsignedConstant('n_positions', index.length)],
    kernel,
    args: [ctx.input.name, ctx.output.name, table.name],
    arrays: [table],
  };
}

export const emitPad: LayerEmitter<'pad'> = (layer, ctx) =>
  gather(ctx, 'nnet::zeropad_cl', windowIndex(spatialOf(ctx).spatial, unitWindow(layer.padBegin, layer.padEnd)), `source positions (−1: zero; pads [${layer.padBegin}] before, [${layer.padEnd}] after)`);

export const emitCrop: LayerEmitter<'crop'> = (layer, ctx) =>
  gather(ctx, 'nnet::cropping_cl', windowIndex(spatialOf(ctx).spatial, unitWindow(layer.cropBegin.map((c) => -c), layer.cropEnd.map((c) => -c))), `source positions (crop [${layer.cropBegin}] before, [${layer.cropEnd}] after)`);

export const emitUpsample: LayerEmitter<'upsample'> = (layer, ctx) =>
  gather(ctx, 'nnet::resize_nearest_cl', nearestIndex(spatialOf(ctx).spatial, layer.factors), `source positions (nearest, factors ${layer.factors.join('×')})`);

/** Output position (o_1, …, o_r) of an upsampling by integer factors reads input position (⌊o_1/f_1⌋, …, ⌊o_r/f_r⌋). */
export function nearestIndex(inSpatial: readonly number[], factors: readonly number[]): Int32Array {
  const outSpatial = inSpatial.map((s, a) => s * factors[a]);
  const outStride = strides(outSpatial);
  const inStride = strides(inSpatial);
  const index = new Int32Array(outSpatial.reduce((a, b) => a * b, 1));
  for (let p = 0; p < index.length; p++) {
    let q = 0;
    for (let a = 0; a < outSpatial.length; a++) q += Math.floor(Math.floor(p / outStride[a]) % outSpatial[a] / factors[a]) * inStride[a];
    index[p] = q;
  }
  return index;
}

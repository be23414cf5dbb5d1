import { accumulatedType, formatFixedType, productType } from '../../../fixed/index.ts';
import { validTaps, windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import { decimalRows } from '../cpp-literal.ts';
import { expectInputSize, unsignedConstant, type LayerEmitter } from '../emit-context.ts';
import { expectApTypes } from './exact-type.ts';
import { indexTable, spatialOf } from './index-table.ts';
import { poolReciprocal, reciprocalType } from './pool-reciprocal.ts';

/**
 * nnet::pooling_{max,average}_cl over the im2col table of src/ir/window.ts. The average's exact sum type and the
 * per-position reciprocal r_n (n = the taps that count: the non-padding ones, or all with countPad) are computed
 * here once and emitted as constants, so the kernel only adds, multiplies exactly and casts once.
 */
export const emitPool: LayerEmitter<'pool'> = (layer, ctx) => {
  const { spatial, channels } = spatialOf(ctx);
  expectInputSize(ctx, spatial.reduce((a, b) => a * b, 1) * channels);
  const taps = windowTaps(layer);
  const gather = windowIndex(spatial, layer);
  const positions = windowOutputSpatial(spatial, layer).reduce((a, b) => a * b, 1);
  const index = indexTable(ctx, `pool_index${ctx.index}`, gather, taps, `im2col index [positions][taps] (${layer.op} pool ${layer.kernel.join('×')})`);
  const constants = [unsignedConstant('n_chan', channels), unsignedConstant('n_taps', taps), unsignedConstant('n_positions', positions)];
  const base = { kind: 'kernel' as const, types: [], constants };
  if (layer.op === 'max') return { ...base, kernel: 'nnet::pooling_max_cl', args: [ctx.input.name, ctx.output.name, index.name], arrays: [index] };

  const counts = layer.countPad ? new Int32Array(positions).fill(taps) : validTaps(gather, taps);
  const sum = accumulatedType(ctx.input.fixed, taps);
  const scale = reciprocalType(taps);
  expectApTypes(ctx, 'sum of the pooled taps times 1/n', [sum, productType(sum, scale)]);
  const name = `pool_scale${ctx.index}`;
  const reciprocals = Float64Array.from(counts, poolReciprocal);
  const scaleArray = {
    fileName: `${name}.h`,
    guard: `${name.toUpperCase()}_H_`,
    comment: `1/n per output position (n taps counted, rounded to 18 + ceil(log2 n) fraction bits) of ${ctx.comment}`,
    cppType: formatFixedType(scale),
    name,
    size: positions,
    rows: decimalRows(reciprocals, 8),
  };
  return {
    ...base,
    configTypedefs: [
      { name: 'sum_t', cppType: formatFixedType(sum) },
      { name: 'scale_t', cppType: formatFixedType(scale) },
    ],
    kernel: 'nnet::pooling_average_cl',
    args: [ctx.input.name, ctx.output.name, index.name, name],
    arrays: [index, scaleArray],
  };
};

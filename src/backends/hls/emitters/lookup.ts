import { SIGMOID_RANGE, TANH_RANGE, sigmoidTable, tanhTable, type FixedType } from '../../../fixed/index.ts';
import { arrayFile, exactLog2, unsignedConstant, type EmitContext, type KernelEmission, type LayerEmitter } from '../emit-context.ts';

/**
 * sigmoid and tanh read a table of N entries over [−R/2, R/2) (docs/arithmetic.md). The contents come from
 * src/fixed/tables.ts and are emitted as a constant array; the kernel only computes the index.
 */
function lookupEmission(
  ctx: EmitContext,
  kernel: string,
  tableSize: number,
  range: number,
  table: (n: number, t: FixedType) => Float64Array,
  what: string,
): KernelEmission {
  const tableBits = exactLog2(tableSize, ctx, 'table size');
  const rangeBits = Math.log2(range);
  const values = table(tableSize, ctx.precision('table'));
  const file = arrayFile(ctx, `${what}_table${ctx.index}`, 'table', values, `${what} table (${tableSize} entries over [${-range / 2}, ${range / 2}))`);
  return {
    kind: 'kernel',
    types: ['table'],
    constants: [unsignedConstant('table_size', tableSize), unsignedConstant('table_bits', tableBits), unsignedConstant('range_bits', rangeBits)],
    kernel,
    args: [ctx.input.name, ctx.output.name, file.name],
    arrays: [file],
  };
}

export const emitSigmoid: LayerEmitter<'sigmoid'> = (layer, ctx) =>
  lookupEmission(ctx, 'nnet::sigmoid', layer.tableSize, SIGMOID_RANGE, sigmoidTable, 'sigmoid');

export const emitTanh: LayerEmitter<'tanh'> = (layer, ctx) => lookupEmission(ctx, 'nnet::tanh', layer.tableSize, TANH_RANGE, tanhTable, 'tanh');

import { EXP_RANGE, expTable, invRange, invTable } from '../../../fixed/index.ts';
import { emitHls4mlSoftmax } from './softmax-hls4ml.ts';
import { arrayFile, exactLog2, unsignedConstant, type LayerEmitter } from '../emit-context.ts';

/** nnet::softmax over the last axis with the exp and 1/x tables of docs/arithmetic.md, contents from src/fixed. */
export const emitSoftmax: LayerEmitter<'softmax'> = (layer, ctx) => {
  if (layer.implementation && layer.implementation !== 'hlsforge') return emitHls4mlSoftmax(layer, ctx);
  const n = layer.shape[layer.shape.length - 1];
  const tableBits = exactLog2(layer.tableSize, ctx, 'table size');
  const rInv = invRange(n);
  const exp = arrayFile(ctx, `exp_table${ctx.index}`, 'exp_table', expTable(layer.tableSize, ctx.precision('exp_table')), 'exp(-x) table');
  const inv = arrayFile(ctx, `inv_table${ctx.index}`, 'inv_table', invTable(layer.tableSize, n, ctx.precision('inv_table')), '1/x table');
  return {
    kind: 'kernel',
    types: ['exp_table', 'inv_table', 'accum'],
    constants: [
      unsignedConstant('n_slice', n),
      unsignedConstant('table_size', layer.tableSize),
      unsignedConstant('table_bits', tableBits),
      unsignedConstant('exp_range_bits', Math.log2(EXP_RANGE)),
      unsignedConstant('inv_range_bits', Math.log2(rInv)),
    ],
    kernel: 'nnet::softmax',
    args: [ctx.input.name, ctx.output.name, exp.name, inv.name],
    arrays: [exp, inv],
  };
};

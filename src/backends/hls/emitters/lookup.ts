import { fail } from '../../../diagnostics/diagnostic.ts';
import { SIGMOID_RANGE, TANH_RANGE, activationTable, hls4mlActivationTable, quantizeDouble, sigmoidTable, tableFunction, tanhTable, toValue, type FixedType } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { exactDecimal } from '../cpp-literal.ts';
import { arrayFile, exactLog2, unsignedConstant, type EmitContext, type KernelBase, type KernelEmission, type LayerEmitter, type SingleCall } from '../emit-context.ts';

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
): KernelBase & SingleCall {
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
  layer.tableIndexing === 'hls4ml'
    ? hls4mlLookup(ctx, 'sigmoid', layer.tableSize, SIGMOID_RANGE)
    : lookupEmission(ctx, 'nnet::sigmoid', layer.tableSize, SIGMOID_RANGE, sigmoidTable, 'sigmoid');

export const emitTanh: LayerEmitter<'tanh'> = (layer, ctx) =>
  layer.tableIndexing === 'hls4ml' ? hls4mlLookup(ctx, 'tanh', layer.tableSize, TANH_RANGE) : lookupEmission(ctx, 'nnet::tanh', layer.tableSize, TANH_RANGE, tanhTable, 'tanh');

/** hls4ml's sigmoid/tanh (Arithmetic: hls4ml): its left-edge table, indexed by int(x · N/R) + N/2 toward zero. */
function hls4mlLookup(ctx: EmitContext, kind: 'sigmoid' | 'tanh', tableSize: number, range: number): KernelBase & SingleCall {
  const bits = exactLog2(tableSize, ctx, 'table size') - Math.log2(range);
  if (bits < 0) throw fail('config-bad-value', { layer: ctx.layer.name, op: ctx.layer.kind, key: 'TableSize' }, `the table size must be at least ${range} under Arithmetic: hls4ml, not ${tableSize}`);
  const values = hls4mlActivationTable(kind, tableSize, range, ctx.precision('table'));
  const file = arrayFile(ctx, `${kind}_table${ctx.index}`, 'table', values, `hls4ml ${kind} table (${tableSize} left bin edges over [${-range / 2}, ${range / 2}))`);
  return {
    kind: 'kernel',
    types: ['table'],
    constants: [unsignedConstant('table_size', tableSize), unsignedConstant('scale_bits', bits)],
    kernel: 'nnet::lookup_trunc',
    args: [ctx.input.name, ctx.output.name, file.name],
    arrays: [file],
  };
}

/**
 * elu, selu, softplus, softsign, silu: the same table and index as sigmoid (contents from src/fixed/tables.ts); the
 * kernels add the exact branch of docs/arithmetic.md. selu passes λq = Q_param(λ) as an exact decimal literal.
 */
export const emitTableActivation = <K extends 'elu' | 'selu' | 'softplus' | 'softsign' | 'silu'>(l: LayerOf<K>, ctx: EmitContext): KernelEmission => {
  const layer = l as LayerOf<'elu' | 'selu' | 'softplus' | 'softsign' | 'silu'>;
  const fn = tableFunction(layer);
  const e = lookupEmission(ctx, `nnet::${layer.kind}`, layer.tableSize, fn.range, (n, t) => activationTable(layer, n, t), layer.kind);
  if (layer.kind !== 'selu') return e;
  const param = ctx.precision('param');
  const lambda = toValue(quantizeDouble(layer.scale, param), param);
  return { ...e, types: ['param', 'table'], args: [...e.args, exactDecimal(lambda)] };
};

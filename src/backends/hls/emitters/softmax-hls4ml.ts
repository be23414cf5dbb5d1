import {
  formatFixedType,
  LEGACY_EXP_RANGE,
  LEGACY_INV_RANGE,
  LEGACY_TABLE_TYPE,
  legacyExpTable,
  legacyInvTable,
  log2Exact,
  topBitsSoftmaxPlan,
} from '../../../fixed/index.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { decimalRows } from '../cpp-literal.ts';
import { arrayFile, unsignedConstant, type EmitContext, type KernelEmission } from '../emit-context.ts';
import type { ArrayFileView } from '../view-model.ts';

/** hls4ml's softmax implementations (nnet_softmax_hls4ml.h), tables and types from src/fixed. */
export function emitHls4mlSoftmax(layer: LayerOf<'softmax'>, ctx: EmitContext): KernelEmission {
  const n = layer.shape[layer.shape.length - 1];
  const impl = layer.implementation;
  if (impl === 'stable' || impl === 'latency') {
    const plan = planOf(layer, ctx, n, impl);
    const exp = arrayFile(ctx, `exp_table${ctx.index}`, 'exp_table', plan.expTable, `exp table (hls4ml ${impl})`);
    const inv = arrayFile(ctx, `inv_table${ctx.index}`, 'inv_table', plan.invTable, '1/x table (hls4ml)');
    return {
      kind: 'kernel',
      types: ['exp_table', 'inv_table', 'accum'],
      constants: [
        unsignedConstant('n_slice', n),
        unsignedConstant('subtract_max', impl === 'stable' ? 1 : 0),
        unsignedConstant('exp_table_size', plan.expSize),
        unsignedConstant('inv_table_size', plan.invSize),
        unsignedConstant('exp_bits', plan.expBits),
        unsignedConstant('inv_bits', plan.invBits),
      ],
      configTypedefs: [
        { name: 'norm_t', cppType: formatFixedType(plan.expIndexType) },
        { name: 'inv_inp_t', cppType: formatFixedType(plan.invIndexType) },
      ],
      kernel: 'nnet::softmax_top_bits',
      args: [ctx.input.name, ctx.output.name, exp.name, inv.name],
      arrays: [exp, inv],
    };
  }
  if (impl === 'legacy') {
    const size = layer.tableSize;
    const bits = (range: number) => legacyScaleBits(size, range, ctx);
    const table = formatFixedType(LEGACY_TABLE_TYPE);
    const exp = legacyArray(ctx, `exp_table${ctx.index}`, table, legacyExpTable(size), 'exp table (hls4ml legacy)');
    const inv = legacyArray(ctx, `inv_table${ctx.index}`, table, legacyInvTable(size), '1/x table (hls4ml legacy)');
    return {
      kind: 'kernel',
      types: [],
      constants: [
        unsignedConstant('n_slice', n),
        unsignedConstant('table_size', size),
        unsignedConstant('exp_scale_bits', bits(LEGACY_EXP_RANGE)),
        unsignedConstant('inv_scale_bits', bits(LEGACY_INV_RANGE)),
      ],
      configTypedefs: [{ name: 'table_t', cppType: table }],
      kernel: 'nnet::softmax_legacy',
      args: [ctx.input.name, ctx.output.name, exp.name, inv.name],
      arrays: [exp, inv],
    };
  }
  return { kind: 'kernel', types: [], constants: [unsignedConstant('n_slice', n)], kernel: 'nnet::softmax_argmax', args: [ctx.input.name, ctx.output.name], arrays: [] };
}

function planOf(layer: LayerOf<'softmax'>, ctx: EmitContext, n: number, impl: 'stable' | 'latency') {
  try {
    const sizes = { tableSize: layer.tableSize, expTableSize: layer.expTableSize, invTableSize: layer.invTableSize };
    return topBitsSoftmaxPlan({ impl, n, ...sizes, input: ctx.input.fixed, expTable: ctx.precision('exp_table'), invTable: ctx.precision('inv_table') });
  } catch (e) {
    throw fail('config-bad-value', { layer: layer.name, op: layer.kind, key: 'TableSize' }, (e as Error).message);
  }
}

/** log2(N / R) of the legacy tables' index scaling; N ≥ R (the index scale is an integer power of two). */
function legacyScaleBits(size: number, range: number, ctx: EmitContext): number {
  if (size < range) throw fail('config-bad-value', { layer: ctx.layer.name, op: ctx.layer.kind, key: 'TableSize' }, `the legacy softmax's table size must be at least ${range}, not ${size}`);
  return log2Exact(size / range, 'table size / range');
}

/** A table of the legacy softmax's own table_t (not a precision variable of the layer). */
function legacyArray(ctx: EmitContext, name: string, cppType: string, values: Float64Array, what: string): ArrayFileView {
  return { fileName: `${name}.h`, guard: `${name.toUpperCase()}_H_`, comment: `${what} of ${ctx.comment}`, cppType, name, size: values.length, rows: decimalRows(values, 8) };
}

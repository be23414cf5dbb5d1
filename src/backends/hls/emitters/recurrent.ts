import { SIGMOID_RANGE, TANH_RANGE, quantizeArray, quantizeDouble, sigmoidTable, tanhTable, toValue, type FixedType } from '../../../fixed/index.ts';
import type { CellActivation, LayerOf, PrecisionVar, RecurrentLayer } from '../../../ir/layers.ts';
import { gateCount } from '../../../ir/recurrent.ts';
import { exactDecimal } from '../cpp-literal.ts';
import { arrayFile, exactLog2, expectInputSize, unsignedConstant, type EmitContext, type KernelEmission, type LayerEmitter } from '../emit-context.ts';
import type { ArrayFileView, ConstantView, TypedefView } from '../view-model.ts';

/**
 * nnet::lstm, nnet::gru, nnet::simple_rnn (hls/nnet/nnet_recurrent.h; docs/hls.md, "Recurrent layers"): the four
 * weight arrays quantized once (kernel to `weight`, recurrent kernel to `recurrent_weight`, both biases to `bias`),
 * one table per tanh/sigmoid cell activation (contents from src/fixed/tables.ts, table type = the activation's output
 * type), hard_sigmoid's αq, βq as exact decimal literals of `param`.
 */
const CELL_FN: { readonly [F in CellActivation['fn']]: string } = {
  linear: 'nnet::cell_linear',
  relu: 'nnet::cell_relu',
  tanh: 'nnet::cell_tanh',
  sigmoid: 'nnet::cell_sigmoid',
  hard_sigmoid: 'nnet::cell_hard_sigmoid',
};

interface CellArgs {
  readonly table: string;
  readonly alpha: string;
  readonly beta: string;
  readonly rangeBits: number;
  readonly arrays: readonly ArrayFileView[];
}

/** The table (or nullptr) and the hard_sigmoid constants (or 0) of one cell activation with output variable `v`. */
function cellArgs(a: CellActivation, v: PrecisionVar, prefix: string, layer: RecurrentLayer, ctx: EmitContext): CellArgs {
  if (a.fn === 'tanh' || a.fn === 'sigmoid') {
    const [range, table] = a.fn === 'tanh' ? [TANH_RANGE, tanhTable] : [SIGMOID_RANGE, sigmoidTable];
    const file = arrayFile(ctx, `${prefix}${ctx.index}`, v, table(layer.tableSize, ctx.precision(v)), `${a.fn} table (${layer.tableSize} entries over [${-range / 2}, ${range / 2}))`);
    return { table: file.name, alpha: '0', beta: '0', rangeBits: Math.log2(range), arrays: [file] };
  }
  if (a.fn === 'hard_sigmoid') {
    const p = ctx.precision('param');
    const exact = (x: number) => exactDecimal(toValue(quantizeDouble(x, p), p));
    return { table: 'nullptr', alpha: exact(a.alpha), beta: exact(a.beta), rangeBits: 1, arrays: [] };
  }
  return { table: 'nullptr', alpha: '0', beta: '0', rangeBits: 1, arrays: [] };
}

const usesHardSigmoid = (l: RecurrentLayer): boolean => l.activation.fn === 'hard_sigmoid' || (l.kind !== 'simple_rnn' && l.recurrentActivation.fn === 'hard_sigmoid');

/** What the io_parallel and the io_stream kernels share: types, CONFIG_T constants, arrays, and the arguments after the data. */
export interface RecurrentParts {
  readonly types: readonly PrecisionVar[];
  readonly constants: readonly ConstantView[];
  readonly configTypedefs: readonly TypedefView[];
  readonly arrays: readonly ArrayFileView[];
  /** the weights, tables and hard_sigmoid constants, after the input and output arguments */
  readonly args: readonly string[];
}

export function recurrentParts(layer: RecurrentLayer, ctx: EmitContext): RecurrentParts {
  expectInputSize(ctx, layer.steps * layer.nIn);
  const g = gateCount(layer) * layer.units;
  const quantized = (values: Float64Array, v: PrecisionVar): Float64Array => quantizeArray(values, ctx.precision(v) as FixedType);
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantized(layer.kernel, 'weight'), `kernel [n_feat][${g}]`);
  const u = arrayFile(ctx, `wr${ctx.index}`, 'recurrent_weight', quantized(layer.recurrentKernel, 'recurrent_weight'), `recurrent kernel [n_units][${g}]`);
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantized(layer.bias, 'bias'), 'biases');
  const br = arrayFile(ctx, `br${ctx.index}`, 'bias', quantized(layer.recurrentBias, 'bias'), 'recurrent biases');
  const act = cellArgs(layer.activation, 'table', 'act_table', layer, ctx);
  const ract = layer.kind === 'simple_rnn' ? undefined : cellArgs(layer.recurrentActivation, 'recurrent_table', 'ract_table', layer, ctx);
  const hard = usesHardSigmoid(layer);
  const constants: ConstantView[] = [
    unsignedConstant('n_steps', layer.steps),
    unsignedConstant('n_feat', layer.nIn),
    unsignedConstant('n_units', layer.units),
    unsignedConstant('reuse_factor', layer.reuseFactor),
    unsignedConstant('return_sequences', Number(layer.returnSequences)),
    unsignedConstant('go_backwards', Number(layer.goBackwards)),
    unsignedConstant('reverse_outputs', Number(layer.reverseOutputs)),
    unsignedConstant('reset_after', Number(layer.kind === 'gru' && layer.resetAfter)),
    unsignedConstant('table_size', layer.tableSize),
    unsignedConstant('table_bits', exactLog2(layer.tableSize, ctx, 'table size')),
    unsignedConstant('act_range_bits', act.rangeBits),
    unsignedConstant('ract_range_bits', ract?.rangeBits ?? 1),
    { cType: 'nnet::cell_fn', name: 'activation', value: CELL_FN[layer.activation.fn] },
    { cType: 'nnet::cell_fn', name: 'recurrent_activation', value: CELL_FN[layer.kind === 'simple_rnn' ? 'linear' : layer.recurrentActivation.fn] },
  ];
  const types: PrecisionVar[] = ['weight', 'recurrent_weight', 'bias', 'accum', 'state', 'table', ...(ract ? (['recurrent_table'] as const) : []), ...(hard ? (['param'] as const) : [])];
  const params = ract ? [act.table, ract.table, act.alpha, act.beta, ract.alpha, ract.beta] : [act.table, act.alpha, act.beta];
  return {
    types,
    constants,
    // without a hard_sigmoid the kernels still take param_t arguments (passed as 0)
    configTypedefs: hard ? [] : [{ name: 'param_t', cppType: 'ap_fixed<2,2>' }],
    args: [w.name, u.name, b.name, br.name, ...params],
    arrays: [w, u, b, br, ...act.arrays, ...(ract?.arrays ?? [])],
  };
}

function emitRecurrent(layer: RecurrentLayer, ctx: EmitContext): KernelEmission {
  const parts = recurrentParts(layer, ctx);
  return { kind: 'kernel', ...parts, kernel: `nnet::${layer.kind}`, args: [ctx.input.name, ctx.output.name, ...parts.args] };
}

export const emitLstm: LayerEmitter<'lstm'> = (layer: LayerOf<'lstm'>, ctx) => emitRecurrent(layer, ctx);
export const emitGru: LayerEmitter<'gru'> = (layer: LayerOf<'gru'>, ctx) => emitRecurrent(layer, ctx);
export const emitSimpleRnn: LayerEmitter<'simple_rnn'> = (layer: LayerOf<'simple_rnn'>, ctx) => emitRecurrent(layer, ctx);

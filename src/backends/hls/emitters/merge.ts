import { formatFixedType, productType, fixedType } from '../../../fixed/index.ts';
import type { MergeOp } from '../../../ir/layers.ts';
import { unsignedConstant, type LayerEmitter } from '../emit-context.ts';
import { expectApTypes, mergeAccumType, mergeStepType } from './exact-type.ts';

/** nnet_merge.h kernel of each op's steps r = r op x_k (average sums, then scales by 2^−k once). */
const STEP_KERNEL: Record<MergeOp, string> = {
  add: 'nnet::merge_add',
  average: 'nnet::merge_add',
  subtract: 'nnet::merge_subtract',
  multiply: 'nnet::merge_multiply',
  maximum: 'nnet::merge_maximum',
  minimum: 'nnet::merge_minimum',
};

/**
 * A merge of N inputs: merge_first(x_0, acc), one step per further input, then the one cast into the output
 * (docs/arithmetic.md "Merges and data movement"). acc, declared in the top function, has the exact accumulator type.
 */
export const emitMerge: LayerEmitter<'merge'> = (layer, ctx) => {
  const accum = mergeAccumType(layer.op, ctx.inputs.map((p) => p.fixed));
  const shift = Math.log2(ctx.inputs.length);
  const mean = layer.op === 'average';
  const steps = ctx.inputs.slice(1).map((p) => mergeStepType(layer.op, accum, p.fixed));
  expectApTypes(ctx, `${layer.op} of the inputs`, [accum, ...steps, ...(mean ? [productType(accum, fixedType(1, 1 - shift, { signed: false }))] : [])]);
  const config = `config${ctx.index}`;
  const acc = `layer${ctx.index}_acc`;
  const [first, ...rest] = ctx.inputs;
  return {
    kind: 'kernel',
    types: [],
    constants: [unsignedConstant('n_elem', ctx.output.size), ...(mean ? [unsignedConstant('mean_shift', shift)] : [])],
    configTypedefs: [{ name: 'accum_t', cppType: formatFixedType(accum) }],
    calls: [
      { kernel: `nnet::merge_first<${first.type}, ${config}>`, args: `${first.name}, ${acc}` },
      ...rest.map((p) => ({ kernel: `${STEP_KERNEL[layer.op]}<${p.type}, ${config}>`, args: `${p.name}, ${acc}` })),
      { kernel: `nnet::${mean ? 'merge_mean' : 'merge_result'}<${ctx.output.type}, ${config}>`, args: `${acc}, ${ctx.output.name}` },
    ],
    locals: [{ type: `${config}::accum_t`, name: acc, size: `N_LAYER_${ctx.index}` }],
    arrays: [],
  };
};

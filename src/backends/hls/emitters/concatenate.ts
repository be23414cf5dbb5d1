import { fail } from '../../../diagnostics/diagnostic.ts';
import { sizeOf } from '../../../ir/graph.ts';
import { unsignedConstant, type LayerEmitter } from '../emit-context.ts';

/**
 * Concatenation along `axis` over the flattened row-major shape (ir/tensor.ts concatIndex): for each of the n_outer
 * outer indices, input k's block of (extent along axis × later extents) elements lands at its offset in the output's
 * row of n_row elements. One nnet::concatenate_part call per input, each casting from that input's type.
 */
export const emitConcatenate: LayerEmitter<'concatenate'> = (layer, ctx) => {
  const outer = sizeOf(layer.shape.slice(0, layer.axis));
  const row = sizeOf(layer.shape.slice(layer.axis));
  let offset = 0;
  const calls = ctx.inputs.map((p) => {
    const block = p.size / outer;
    if (!Number.isInteger(block))
      throw fail('shape-mismatch', { layer: layer.name, op: layer.origin?.op ?? layer.kind }, `each input's size must be a multiple of ${outer}, not ${p.size}`);
    const call = { kernel: `nnet::concatenate_part<${p.type}, ${ctx.output.type}, config${ctx.index}, ${block}, ${offset}>`, args: `${p.name}, ${ctx.output.name}` };
    offset += block;
    return call;
  });
  if (offset !== row)
    throw fail('shape-mismatch', { layer: layer.name, op: layer.origin?.op ?? layer.kind }, `the inputs' blocks must fill a row of ${row} elements, not ${offset}`);
  return {
    kind: 'kernel',
    types: [],
    constants: [unsignedConstant('n_outer', outer), unsignedConstant('n_row', row)],
    calls,
    locals: [],
    arrays: [],
  };
};

import { transposeIndex, transposeInputShape } from '../../../ir/tensor.ts';
import { decimalRows } from '../cpp-literal.ts';
import type { LayerEmitter } from '../emit-context.ts';

/**
 * nnet::transpose gathers y[j] = x[index[j]] with the index table of ir/tensor.ts transposeIndex (the emulator's),
 * emitted as a constant array. The input shape follows from the output shape: output axis a is input axis perm[a].
 */
export const emitTranspose: LayerEmitter<'transpose'> = (layer, ctx) => {
  const inShape = transposeInputShape(layer.shape, layer.perm);
  const index = transposeIndex(inShape, layer.perm);
  const name = `transpose_index${ctx.index}`;
  return {
    kind: 'kernel',
    types: [],
    constants: [],
    kernel: 'nnet::transpose',
    args: [ctx.input.name, ctx.output.name, name],
    arrays: [
      {
        fileName: `${name}.h`,
        guard: `${name.toUpperCase()}_H_`,
        comment: `gather index [${layer.shape.join('][')}] ← [${inShape.join('][')}] (perm ${layer.perm.join(', ')}) of ${ctx.comment}`,
        cppType: 'unsigned',
        name,
        size: index.length,
        rows: decimalRows(Float64Array.from(index), 16),
      },
    ],
  };
};

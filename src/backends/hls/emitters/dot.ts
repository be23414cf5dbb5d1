import { accumulatedType, formatFixedType, productType, sumType } from '../../../fixed/index.ts';
import { unsignedConstant, type LayerEmitter } from '../emit-context.ts';
import { expectApTypes } from './exact-type.ts';

/** nnet::dot: y = Q_result(Σ a_i·b_i), exact in the product type with ceil(log2 n) more integer bits. */
export const emitDot: LayerEmitter<'dot'> = (_layer, ctx) => {
  const [a, b] = ctx.inputs;
  const product = productType(a.fixed, b.fixed);
  const accum = accumulatedType(product, a.size);
  expectApTypes(ctx, 'dot product', [product, accum, sumType(accum, product)]);
  return {
    kind: 'kernel',
    types: [],
    constants: [unsignedConstant('n_out', 1)],
    configTypedefs: [{ name: 'accum_t', cppType: formatFixedType(accum) }],
    calls: [{ kernel: `nnet::dot<${a.type}, ${b.type}, ${ctx.output.type}, config${ctx.index}>`, args: `${a.name}, ${b.name}, ${ctx.output.name}` }],
    locals: [],
    arrays: [],
  };
};

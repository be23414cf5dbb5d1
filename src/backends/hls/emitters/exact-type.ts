import { differenceType, formatFixedType, productType, sumType, unionType, type FixedType } from '../../../fixed/index.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { MergeOp } from '../../../ir/layers.ts';
import type { EmitContext } from '../emit-context.ts';

/** The type of `r op x` as the ap_fixed operators return it (full precision), per merge op. */
const STEP: Record<MergeOp, (r: FixedType, x: FixedType) => FixedType> = {
  add: sumType,
  average: sumType,
  subtract: differenceType,
  multiply: productType,
  maximum: unionType,
  minimum: unionType,
};

/**
 * The accumulator of a merge, r = x_0 then r = r op x_k (docs/arithmetic.md "Merges and data movement"): a type
 * holding every partial result exactly. The partial results' types follow the ap operators (each exact); the
 * accumulator is their hull, because a product's partial types need not contain each other (a fraction-only factor
 * moves the range down, a negative-F factor moves the grid up).
 */
export function mergeAccumType(op: MergeOp, types: readonly FixedType[]): FixedType {
  let partial = types[0];
  let hull = types[0];
  for (const t of types.slice(1)) {
    partial = STEP[op](partial, t);
    hull = unionType(hull, partial);
  }
  return hull;
}

/** The type `r op x` has in C++ while a merge step computes it (before the exact assignment back to the accumulator). */
export const mergeStepType = (op: MergeOp, accum: FixedType, x: FixedType): FixedType => STEP[op](accum, x);

/** Our ap_types hold a signed value in 128 bits (unsigned: 127 value bits). */
const AP_TYPES_BITS = 128;

/** Every intermediate type of a kernel must fit our ap_types, or the C simulation could not compile it. */
export function expectApTypes(ctx: EmitContext, what: string, types: readonly FixedType[]): void {
  for (const t of types)
    if (t.width + (t.signed ? 0 : 1) > AP_TYPES_BITS)
      throw fail('bad-precision', { layer: ctx.layer.name, op: ctx.layer.origin?.op ?? ctx.layer.kind }, `the exact ${what} must fit ${AP_TYPES_BITS} bits, not ${formatFixedType(t)}`);
}

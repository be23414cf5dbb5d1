import { fixedType, formatFixedType, type FixedType } from '../../../fixed/index.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import { exactDecimal } from '../cpp-literal.ts';
import type { EmitContext, LayerEmitter } from '../emit-context.ts';

/** our ap_types hold up to 128 bits */
const MAX_BOUND_WIDTH = 128;

/**
 * nnet::clip compares x with the bounds exactly (docs/arithmetic.md), so the bounds are passed in `bound_t`, a type
 * that holds both exactly. A bound beyond the input's range (±Infinity, a float's lowest) never fires; it is replaced
 * by a small value beyond that range, which never fires either.
 */
export const emitClip: LayerEmitter<'clip'> = (layer, ctx) => {
  const lo = finiteBound(layer.min, ctx);
  const hi = finiteBound(layer.max, ctx);
  const boundType = exactTypeOf([lo, hi]);
  if (boundType.width > MAX_BOUND_WIDTH)
    throw fail('unsupported-attribute', { layer: ctx.layer.name, op: ctx.layer.kind }, `clip bounds must fit ${MAX_BOUND_WIDTH} bits, not [${lo}, ${hi}]`);
  return {
    kind: 'kernel',
    types: [],
    constants: [],
    configTypedefs: [{ name: 'bound_t', cppType: formatFixedType(boundType) }],
    kernel: 'nnet::clip',
    args: [ctx.input.name, exactDecimal(lo), exactDecimal(hi), ctx.output.name],
    arrays: [],
  };
};

export function finiteBound(v: number, ctx: EmitContext): number {
  // every input value has |x| ≤ 2^I
  const beyond = 2 ** (Math.max(ctx.input.fixed.integer, 0) + 1);
  if (Number.isNaN(v)) throw fail('unsupported-attribute', { layer: ctx.layer.name, op: ctx.layer.kind }, 'clip bounds must be numbers, not NaN');
  return v > beyond ? beyond : v < -beyond ? -beyond : v;
}

/** The narrowest signed ap_fixed holding every value exactly: F = most fractional bits needed, I covers the magnitudes. */
export function exactTypeOf(values: readonly number[]): FixedType {
  let frac = 0;
  let integer = 1;
  for (const v of values) {
    while (frac < 1100 && !Number.isInteger(v * 2 ** Math.min(frac, 1000) * 2 ** Math.max(frac - 1000, 0))) frac++;
    while (v < -(2 ** (integer - 1)) || v >= 2 ** (integer - 1)) integer++;
  }
  return fixedType(integer + frac, integer);
}

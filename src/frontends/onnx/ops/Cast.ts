import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';

const FLOATS: Record<number, string> = { 1: 'FLOAT', 10: 'FLOAT16', 11: 'DOUBLE' };

/** A cast of a layer output to a float type is a no-op on the IR's values (the fixed-point types come from the
 * configuration); to an integer type it would change them. A constant is cast by the constant evaluator. */
export const Cast: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const to = ctx.attrs.int('to', 1);
  if (!FLOATS[to]) throw fail('unsupported-attribute', ctx.where, `to must be FLOAT, DOUBLE or FLOAT16 for a layer output, not data type ${to}`);
  return x;
};

import type { OpHandler } from '../op-context.ts';
import { addConstant, variadic } from '../merge.ts';

/** Σ of layer outputs (a merge add); a sum of one layer output and one constant is a bias. */
export const Sum: OpHandler = (ctx) => variadic(ctx, 'add', addConstant(1));

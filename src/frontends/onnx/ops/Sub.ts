import type { OpHandler } from '../op-context.ts';
import { addConstant, binary } from '../merge.ts';

/** A − B: a merge (subtract) of two layer outputs; x − c a bias −c, c − x a batchnorm with scale −1 and bias c. */
export const Sub: OpHandler = (ctx) => binary(ctx, 'subtract', addConstant(-1));

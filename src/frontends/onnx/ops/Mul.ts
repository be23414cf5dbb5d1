import type { OpHandler } from '../op-context.ts';
import { binary, scaleByConstant } from '../merge.ts';

/** A · B: a merge (multiply) of two layer outputs, or a scale (batchnorm with bias 0) for a constant operand. */
export const Mul: OpHandler = (ctx) => binary(ctx, 'multiply', scaleByConstant(false));

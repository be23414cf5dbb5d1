import type { OpHandler } from '../op-context.ts';
import { addConstant, binary } from '../merge.ts';

/** A + B: a merge (add) of two layer outputs, or a bias (batchnorm with scale 1) for a constant operand. The fusion of
 * a bias into the Dense before it is the fuse-bias pass's job. */
export const Add: OpHandler = (ctx) => binary(ctx, 'add', addConstant(1));

import type { OpHandler } from '../op-context.ts';
import { boundByConstant, variadic } from '../merge.ts';

/** min of layer outputs (a merge), or min(x, c) with one value c: a clip with upper bound c. */
export const Min: OpHandler = (ctx) => variadic(ctx, 'minimum', boundByConstant('min'));

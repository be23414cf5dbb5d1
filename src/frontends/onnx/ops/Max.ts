import type { OpHandler } from '../op-context.ts';
import { boundByConstant, variadic } from '../merge.ts';

/** max of layer outputs (a merge), or max(x, c) with one value c: a clip with lower bound c. */
export const Max: OpHandler = (ctx) => variadic(ctx, 'maximum', boundByConstant('max'));

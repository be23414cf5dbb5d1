import type { OpHandler } from '../op-context.ts';
import { variadic } from '../merge.ts';

/** the mean of 2, 4, 8, … layer outputs (a merge average: exact for a power-of-two count, which verify requires) */
export const Mean: OpHandler = (ctx) => variadic(ctx, 'average');

import type { OpHandler } from '../op-context.ts';
import { binary, scaleByConstant } from '../merge.ts';

/** x / c: a scale 1/c (batchnorm). Division by a layer output has no IR layer. */
export const Div: OpHandler = (ctx) => binary(ctx, undefined, scaleByConstant(true));

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { Identity } from './Identity.ts';

/** At inference Dropout is the identity; its optional mask output has no IR equivalent. */
export const Dropout: OpHandler = (ctx) => {
  const mask = ctx.outputNames[1];
  if (mask && ctx.uses(mask) > 0) {
    throw fail('unsupported-topology', ctx.where, `the mask output '${mask}' must be unused (inference only)`);
  }
  return Identity(ctx);
};

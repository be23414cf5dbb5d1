import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';

/** Ops translated only when all inputs are constants (the constant evaluator folds them before any handler runs):
 * reaching a handler means an input is computed by a layer. */
export const constOnly: OpHandler = (ctx) => {
  const i = ctx.inputNames.findIndex((_n, k) => ctx.input(k)?.kind === 'layer');
  const layer = ctx.input(i);
  const what = layer?.kind === 'layer' ? `the output of layer '${layer.layer}'` : 'absent';
  throw fail('unsupported-op', ctx.where, `input ${i} must be a constant (${ctx.op} is evaluated at compile time, on shapes and weights), not ${what}`);
};

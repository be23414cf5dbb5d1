import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { nearestUpsample } from '../upsample.ts';

/** Upsample (opsets 7–9), mode nearest with integer scales: output i reads input ⌊i/s⌋; scales an attribute (opset 7–8) or input 1 (opset 9). */
export const Upsample: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const scales = ctx.opset < 9 ? ctx.attrs.floats('scales') : ctx.input(1) ? Array.from(ctx.constInput(1, 'scales').data) : undefined;
  if (!scales) throw fail('missing-initializer', ctx.where, 'scales must be given, not absent');
  return nearestUpsample(ctx, x, scales, { transform: 'asymmetric', rounding: 'floor' });
};

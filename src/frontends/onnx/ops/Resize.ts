import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { nearestUpsample } from '../upsample.ts';
import { showShape } from '../values.ts';

/**
 * Resize, mode nearest with integer scales: an `upsample` layer. Inputs X, scales (opset 10); X, roi, scales, sizes
 * (opset 11+, roi unused by nearest; sizes must be integer multiples of the input extents). Opset 10 maps
 * asymmetrically and rounds down; later opsets follow coordinate_transformation_mode and nearest_mode.
 */
export const Resize: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  if (ctx.attrs.has('axes')) throw fail('unsupported-attribute', ctx.where, `axes must be absent (scales for every axis), not ${showShape(ctx.attrs.ints('axes') ?? [])}`);
  const full = [1, ...x.shape];
  const scalesAt = ctx.opset < 11 ? 1 : 2;
  const scales = ctx.input(scalesAt) ? ctx.constInput(scalesAt, 'scales').data : undefined;
  const sizes = ctx.opset >= 11 && ctx.input(3) ? ctx.constInput(3, 'sizes').data : undefined;
  const factors = scales?.length ? Array.from(scales) : sizes?.length ? Array.from(sizes, (s, a) => s / full[a]) : undefined;
  if (!factors) throw fail('missing-initializer', ctx.where, 'scales or sizes must be given, not neither');
  const mapping = ctx.opset < 11
    ? { transform: 'asymmetric', rounding: 'floor' }
    : { transform: ctx.attrs.string('coordinate_transformation_mode', 'half_pixel'), rounding: ctx.attrs.string('nearest_mode', 'round_prefer_floor') };
  return nearestUpsample(ctx, x, factors, mapping);
};

import type { OpHandler } from '../op-context.ts';
import { applyQuantizer, paramInput, positiveScale } from '../qonnx.ts';

/** QONNX BipolarQuant: y = s · (x ≥ 0 ? 1 : −1), the 1-bit signed quantizer (zero point 0). */
export const BipolarQuant: OpHandler = (ctx) => {
  const x = ctx.input(0) ?? ctx.layerInput(0);
  return applyQuantizer(ctx, x, {
    scale: positiveScale(ctx, paramInput(ctx, 1, 'scale'), 'scale'),
    zeroPoint: { dims: [], data: Float64Array.of(0) },
    bitWidth: 1,
    signed: true,
    narrow: false,
    rounding: 'ROUND',
  });
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import { parseRounding, QUANT_ROUNDINGS, type QuantRounding } from '../../../ir/quantizer.ts';
import type { OpContext, OpHandler } from '../op-context.ts';
import { applyQuantizer, bitWidthInput, paramInput, positiveScale } from '../qonnx.ts';

/** The `rounding_mode` attribute of Quant and Trunc (case-insensitive, as QONNX reads it). */
export function roundingAttr(ctx: OpContext, fallback: QuantRounding): QuantRounding {
  const text = ctx.attrs.string('rounding_mode', fallback);
  const mode = parseRounding(text);
  if (!mode) throw fail('unsupported-attribute', ctx.where, `rounding_mode must be one of ${QUANT_ROUNDINGS.join(', ')} (or HALF_EVEN, ROUND_TO_ZERO), not '${text}'`);
  return mode;
}

/**
 * QONNX Quant (IntQuant): y = s · (clamp(rnd(x/s + z), min, max) − z), inputs X, scale, zeropt, bitwidth; attributes
 * signed (1), narrow (0), rounding_mode ('ROUND'). Folded into a constant X, a `quant` layer on an activation.
 */
export const Quant: OpHandler = (ctx) => {
  const x = ctx.input(0) ?? ctx.layerInput(0);
  return applyQuantizer(ctx, x, {
    scale: positiveScale(ctx, paramInput(ctx, 1, 'scale'), 'scale'),
    zeroPoint: paramInput(ctx, 2, 'zeropt'),
    bitWidth: bitWidthInput(ctx, 3, 'bitwidth'),
    signed: ctx.attrs.requireInt('signed', 1, [0, 1]) === 1,
    narrow: ctx.attrs.requireInt('narrow', 0, [0, 1]) === 1,
    rounding: roundingAttr(ctx, 'ROUND'),
  });
};

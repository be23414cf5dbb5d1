import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { applyQuantizer, bitWidthInput, paramInput, positiveScale } from '../qonnx.ts';
import type { ConstTensor } from '../tensor.ts';
import { roundingAttr } from './Quant.ts';

/**
 * QONNX Trunc (version 2: X, scale, zeropt, in_bitwidth, out_scale, out_bitwidth; signed, narrow, rounding_mode FLOOR):
 *   v = round(x/s + z);  y = (rnd(clamp(v / t, min, max)) − z/t) · s·t,  t = out_scale / s a power of two
 * which is two quantizers: the rounding to the input grid, Quant(s, z, in_bitwidth, ROUND) (its clamp to in_bitwidth
 * bits is Trunc's contract on its input), then Quant(s·t, z/t, out_bitwidth, signed, narrow, rounding_mode):
 * (v·s − z·s)/(s·t) + z/t = v/t.
 */
export const Trunc: OpHandler = (ctx) => {
  if (ctx.inputNames.length !== 6) {
    throw fail('unsupported-op', ctx.where, `Trunc must have 6 inputs (version 2: X, scale, zeropt, in_bitwidth, out_scale, out_bitwidth), not ${ctx.inputNames.length}`);
  }
  const x = ctx.input(0) ?? ctx.layerInput(0);
  const scale = positiveScale(ctx, paramInput(ctx, 1, 'scale'), 'scale');
  const zeroPoint = paramInput(ctx, 2, 'zeropt');
  const outScale = positiveScale(ctx, paramInput(ctx, 4, 'out_scale'), 'out_scale');
  if (scale.data.length !== 1 || outScale.data.length !== 1) {
    throw fail('shape-mismatch', ctx.where, 'scale and out_scale must be scalars (per-tensor truncation)');
  }
  const t = outScale.data[0] / scale.data[0];
  if (2 ** Math.round(Math.log2(t)) !== t) {
    throw fail('unsupported-attribute', ctx.where, `out_scale must be scale · 2^k, not ${outScale.data[0]} (scale ${scale.data[0]})`);
  }
  const signed = ctx.attrs.requireInt('signed', 1, [0, 1]) === 1;
  const narrow = ctx.attrs.requireInt('narrow', 0, [0, 1]) === 1;
  const rounding = roundingAttr(ctx, 'FLOOR');
  const inBits = bitWidthInput(ctx, 3, 'in_bitwidth');
  const outBits = bitWidthInput(ctx, 5, 'out_bitwidth');
  const pre = applyQuantizer(ctx, x, { scale, zeroPoint, bitWidth: inBits, signed, narrow: false, rounding: 'ROUND' }, 'round');
  const outZero: ConstTensor = { dims: zeroPoint.dims, data: zeroPoint.data.map((z) => z / t) };
  return applyQuantizer(ctx, pre, { scale: outScale, zeroPoint: outZero, bitWidth: outBits, signed, narrow, rounding });
};

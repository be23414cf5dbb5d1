import { LUT_PER_BIT } from '../../../estimate/rtl/costs.ts';
import { DSP_MIN_PRODUCT, dspSlices } from '../../../estimate/multiplier.ts';
import { bitLength } from './csd.ts';

/**
 * The cost model that picks each constant multiplier (docs/rtl.md, "Constant multipliers"): LUTs + dspCost · DSP48E2
 * slices. The default weighs a DSP slice as 55 LUTs (the LUT + 55·DSP figure of merit); Infinity means "no
 * DSP" (every product is shift-add); 0 keeps every product that Yosys would put on a DSP on a DSP.
 */
export const DEFAULT_DSP_COST = 55;

/** LUTs of one adder of a shift-add product of an xWidth-bit input whose result is about x · value. */
export const adderCost = (xWidth: number, value: bigint): number => LUT_PER_BIT.add * (xWidth + bitLength(value));

/**
 * The cost of x · c as one multiply cell (c odd, |c| > 1): Yosys puts it on DSP48E2 slices when the product is at
 * least 9 bits wide, else it stays an array multiplier in LUTs (estimate/multiplier.ts).
 */
export function multiplyCost(xWidth: number, c: bigint, dspCost: number): number {
  const cw = bitLength(c) + 1;
  if (xWidth + cw < DSP_MIN_PRODUCT) return LUT_PER_BIT.lutMultiply * xWidth * cw;
  return dspCost === Infinity ? Infinity : dspCost * dspSlices(xWidth, cw);
}

import { LUT_PER_BIT } from '../../../estimate/rtl/costs.ts';
import { DSP_MIN_PRODUCT, dspSlices } from '../../../estimate/multiplier.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { mulFx, type Fx } from '../netlist/fx.ts';
import type { Rom } from '../netlist/netlist.ts';
import { exactSum } from './saturating-sum.ts';
import { DEFAULT_DSP_COST } from '../cmm/cost.ts';

/** An operand of a product of two signals, and whether it is known to be ≥ 0 (a ROM of non-negative words). */
export interface Factor {
  readonly fx: Fx;
  readonly nonNegative: boolean;
}

/**
 * The exact product x · y of two signals (docs/rtl.md "softmax"): a multiply cell (a DSP48E2 slice, a stage of its
 * own) or, when a factor is known ≥ 0 and its shift-add array costs fewer LUTs than `dspCost` LUTs per slice
 * (`DspCost: none` = Infinity: always), a LUT multiplier: Σ_k y_k · x · 2^k over the magnitude bits of the
 * non-negative factor y (an AND row each), summed by a balanced tree of exact adders. Yosys maps the array to
 * LUTs and carry chains, never to a DSP, and the scheduler times it like any adder tree.
 */
export function variableProduct(b: ModuleBuilder, p: Factor, q: Factor, dspCost = DEFAULT_DSP_COST, hint = 'prod'): Fx {
  const [x, y] = pickMultiplier(p, q);
  if (!y) return mulFx(b, p.fx, q.fx, hint);
  const bits = magnitudeBits(y.fx);
  const width = x.fx.sig.width + y.fx.sig.width;
  const lutCost = LUT_PER_BIT.add * bits * (x.fx.sig.width + bits / 2);
  if (width < DSP_MIN_PRODUCT || lutCost >= dspCost * dspSlices(x.fx.sig.width, y.fx.sig.width)) return mulFx(b, p.fx, q.fx, hint);
  const frac = x.fx.frac + y.fx.frac;
  const zero = b.constant(0n, 1, true);
  const rows = Array.from({ length: bits }, (_, k) => ({
    sig: b.mux(b.slice(y.fx.sig, k, 1, `${hint}_b${k}`), b.shiftLeft(x.fx.sig, k, `${hint}_x${k}`), zero, `${hint}_pp${k}`),
    frac,
  }));
  return exactSum(b, rows, hint);
}

/** [multiplicand, non-negative multiplier with the fewer bits] or [p, undefined] when neither factor is ≥ 0. */
function pickMultiplier(p: Factor, q: Factor): [Factor, Factor | undefined] {
  if (p.nonNegative && (!q.nonNegative || magnitudeBits(p.fx) < magnitudeBits(q.fx))) return [q, p];
  return q.nonNegative ? [p, q] : [p, undefined];
}

/** Bits of a non-negative value below its sign bit (all bits of an unsigned signal). */
const magnitudeBits = (x: Fx): number => x.sig.width - (x.sig.signed ? 1 : 0);

/**
 * The DspCost a softmax's products e_i · 1/s are chosen with: after a block-RAM 1/x table the word arrives ~0.9 ns into
 * the products' stage, where a LUT array (3.35 ns for 12 × 12 bits) still fits and a DSP multiply needs a stage of its
 * own, so the products are LUT arrays then unless DspCost is 0 (keep every DSP); else the DspCost given.
 */
export const productDspCost = (inverse: Rom, dspCost = DEFAULT_DSP_COST): number => (inverse.style === 'block' && dspCost > 0 ? Infinity : dspCost);

import type { FixedType } from './fixed-type.ts';
import { isOrderFreeAccumulator } from './rounding.ts';

/** How a dense product's terms reach its accumulator (docs/arithmetic.md, "Dense" and "hls4ml-compatible arithmetic"). */
export interface Accumulation {
  /** the sum may be formed in any order: init + Σ Q_accum(p) mod 2^W (an adder tree of the cast terms) */
  readonly orderFree: boolean;
  /** each product is cast to accum before it is added, and that differs from the exact chain Q_accum(acc + p) */
  readonly castProducts: boolean;
}

/**
 * The exact chain acc = Q_accum(acc + p) (hlsforge), or hls4ml's acc = Q_accum(acc + Q_accum(p)). The two agree for an
 * order-free accumulator (Q(acc + p) = acc + Q(p) mod 2^W for acc on the grid). Otherwise hls4ml's terms are on the
 * accum grid, so its sum rounds nothing more: only the overflow of each addition can depend on the order, and with
 * AP_WRAP (any rounding mode) the sum of the cast products is order-free too.
 */
export function accumulation(accum: FixedType, hls4ml: boolean): Accumulation {
  const exact = isOrderFreeAccumulator(accum);
  if (!hls4ml || exact) return { orderFree: exact, castProducts: false };
  return { orderFree: accum.overflow === 'AP_WRAP', castProducts: true };
}

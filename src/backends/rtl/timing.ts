/**
 * How much logic one pipeline stage may hold, from the clock period (docs/rtl.md, "Pipelining rule").
 * A "level" is one carry-chain add or compare of up to ~32 bits on UltraScale+ (≈ 0.9 ns with routing); 1.0 ns of
 * the period is kept for clock-to-out, setup and skew. At 5 ns (200 MHz): 4 levels per stage.
 */
export const NS_PER_LEVEL = 0.9;
export const NS_RESERVED = 1.0;

export function levelsPerStage(clockPeriodNs: number): number {
  if (!(clockPeriodNs > 0)) throw new Error(`the clock period must be a positive number of ns, not ${clockPeriodNs}`);
  return Math.max(1, Math.floor((clockPeriodNs - NS_RESERVED) / NS_PER_LEVEL));
}

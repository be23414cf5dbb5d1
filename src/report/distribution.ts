/**
 * A tensor's values as hls4ml's `numerical()` profiling summarizes them: the magnitudes |x| of the nonzero values
 * (zeros have no logarithm; they are counted apart), as a box: extremes for the whiskers, quartiles and median
 * (linear interpolation between order statistics, numpy's default).
 */
export interface Box {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export interface Distribution {
  readonly count: number;
  readonly zeros: number;
  /** absent when every value is zero */
  readonly box?: Box;
}

export function magnitudes(values: ArrayLike<number>): Distribution {
  const nonzero: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonzero.push(Math.abs(values[i]));
  const zeros = values.length - nonzero.length;
  if (nonzero.length === 0) return { count: values.length, zeros };
  const sorted = Float64Array.from(nonzero).sort();
  return {
    count: values.length,
    zeros,
    box: { min: sorted[0], q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), max: sorted[sorted.length - 1] },
  };
}

/** q-quantile of ascending values: position q·(n − 1), linear between its two neighbours. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

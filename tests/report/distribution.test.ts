import { describe, expect, it } from 'vitest';
import { magnitudes, quantile } from '../../src/report/distribution.ts';

describe('magnitudes: the box of |x| over the nonzero values', () => {
  it('uses numpy\'s default (linear) percentiles: [1, 2, 3, 4] has quartiles 1.75 and 3.25 and median 2.5', () => {
    expect(magnitudes([4, -1, 3, 2]).box).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it('counts zeros apart and takes magnitudes of negative values', () => {
    const d = magnitudes([0, -8, 0, 0.5, -2]);
    expect(d.count).toBe(5);
    expect(d.zeros).toBe(2);
    expect(d.box).toEqual({ min: 0.5, q1: 1.25, median: 2, q3: 5, max: 8 });
  });

  it('has no box when every value is zero', () => {
    expect(magnitudes(new Float64Array(7))).toEqual({ count: 7, zeros: 7 });
  });

  it('puts as many values at or below the median as above it, for random data', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const values = Array.from({ length: 1001 }, rand);
    const { box } = magnitudes(values);
    const abs = values.map(Math.abs);
    expect(abs.filter((v) => v < box!.median).length).toBe(500);
    expect(abs.filter((v) => v > box!.median).length).toBe(500);
    expect(box!.min).toBe(Math.min(...abs));
    expect(box!.max).toBe(Math.max(...abs));
  });

  it('interpolates a quantile between its two neighbours', () => {
    expect(quantile([10, 20, 40], 0.75)).toBe(30);
    expect(quantile([5], 0.25)).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { reciprocal } from '../../src/fixed/index.ts';

describe('the average-pool reciprocal r_n', () => {
  it('is 1/n exactly for powers of two', () => {
    for (let k = 0; k <= 20; k++) {
      const r = reciprocal(2 ** k);
      expect(r.mantissa * 2 ** -r.frac).toBe(2 ** -k);
      expect(r.frac).toBe(18 + k);
    }
  });

  it('is 1/n rounded to nearest on 18 + ⌈log2 n⌉ fraction bits, within half an LSB, for n up to 5000', () => {
    for (let n = 1; n <= 5000; n++) {
      const r = reciprocal(n);
      const bits = Math.ceil(Math.log2(n) - 1e-12);
      expect(r.frac).toBe(18 + Math.max(0, bits));
      // |m − 2^F/n| ≤ ½ ⇔ |2·m·n − 2^(F+1)| ≤ n (exact integers below 2^53)
      const err = 2 * r.mantissa * n - 2 ** (r.frac + 1);
      expect(Math.abs(err)).toBeLessThanOrEqual(n);
      if (Math.abs(err) === n) expect(err).toBeGreaterThan(0); // a tie rounds up
      expect(r.mantissa).toBeGreaterThanOrEqual(2 ** 18);
      expect(r.mantissa).toBeLessThan(2 ** 19);
    }
  });

  it('gives r_3 = 349525 · 2^−20 and r_9 = 466034 · 2^−22', () => {
    expect(reciprocal(3)).toEqual({ mantissa: 349525, frac: 20 });
    expect(reciprocal(9)).toEqual({ mantissa: 466034, frac: 22 });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => reciprocal(0)).toThrow(/n must be an integer in \[1, 2\^31\], not 0/);
    expect(() => reciprocal(2.5)).toThrow(/not 2.5/);
  });
});

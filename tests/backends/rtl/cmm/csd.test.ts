import { describe, expect, it } from 'vitest';
import { bitLength, csd, oddPart } from '../../../../src/backends/rtl/cmm/csd.ts';

/** Fewest non-zero signed digits of c, by exhaustive search over smaller problems (an independent oracle). */
function fewestDigits(c: number, memo = new Map<number, number>()): number {
  if (c === 0) return 0;
  if (c === 1) return 1;
  if (c % 2 === 0) return fewestDigits(c / 2, memo);
  const known = memo.get(c);
  if (known !== undefined) return known;
  const n = 1 + Math.min(fewestDigits((c - 1) / 2, memo), fewestDigits((c + 1) / 2, memo));
  memo.set(c, n);
  return n;
}

describe('canonical signed digits', () => {
  it('sum back to the constant, never have two adjacent non-zero digits, and have the fewest digits of any signed-digit form', () => {
    const memo = new Map<number, number>();
    for (let c = -3000; c <= 3000; c++) {
      const d = csd(BigInt(c));
      expect(d.reduce((s, x) => s + BigInt(x.sign) * (1n << BigInt(x.shift)), 0n)).toBe(BigInt(c));
      for (let k = 1; k < d.length; k++) expect(d[k].shift - d[k - 1].shift).toBeGreaterThanOrEqual(2);
      expect(d.length, `${c}`).toBe(fewestDigits(Math.abs(c), memo));
    }
  });

  it('split a constant into its odd part and a shift, and measure bit lengths', () => {
    expect(oddPart(-40n)).toEqual({ odd: -5n, shift: 3 });
    expect(oddPart(7n)).toEqual({ odd: 7n, shift: 0 });
    expect(() => oddPart(0n)).toThrow('oddPart(0)');
    expect([0n, 1n, -1n, 255n, 256n, -256n].map(bitLength)).toEqual([0, 1, 1, 8, 9, 9]);
  });
});

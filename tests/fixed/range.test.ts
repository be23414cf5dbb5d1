import { describe, expect, it } from 'vitest';
import { accumulatedType, differenceType, fixedType, fracBits, productType, rangeOfBig, sumType, unionType, type FixedType } from '../../src/fixed/index.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';

/** An exact value m · 2^−f. */
type Exact = { m: bigint; f: number };

/** Whether type t holds the value exactly: on its grid and inside its mantissa range. */
function holds(t: FixedType, v: Exact): boolean {
  const shift = fracBits(t) - v.f;
  let m: bigint;
  if (shift >= 0) m = v.m << BigInt(shift);
  else {
    const d = 1n << BigInt(-shift);
    if (v.m % d !== 0n) return false;
    m = v.m / d;
  }
  const { min, max } = rangeOfBig(t);
  return m >= min && m <= max;
}

const values = (t: FixedType): Exact[] => {
  const { min, max } = rangeOfBig(t);
  const out: Exact[] = [];
  for (let m = min; m <= max; m++) out.push({ m, f: fracBits(t) });
  return out;
};
const onGrid = (a: Exact, f: number): bigint => (f >= a.f ? a.m << BigInt(f - a.f) : a.m);

function randomType(random: () => number): FixedType {
  const width = 1 + Math.floor(random() * 6);
  const integer = Math.floor(random() * 12) - 4;
  const signed = random() < 0.6;
  return fixedType(width, integer, { signed });
}

describe('exact result types of src/fixed/range.ts', () => {
  const random = mulberry32(17);
  const pairs = Array.from({ length: 200 }, () => [randomType(random), randomType(random)] as const);

  it('hold every sum, difference, product, and both operands of the union, of every pair of values', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [a, b] of pairs) {
      const [s, d, p, u] = [sumType(a, b), differenceType(a, b), productType(a, b), unionType(a, b)];
      expect(d.signed).toBe(true);
      for (const x of values(a))
        for (const y of values(b)) {
          const f = Math.max(x.f, y.f);
          const ok =
            holds(s, { m: onGrid(x, f) + onGrid(y, f), f }) &&
            holds(d, { m: onGrid(x, f) - onGrid(y, f), f }) &&
            holds(p, { m: x.m * y.m, f: x.f + y.f }) &&
            holds(u, x) &&
            holds(u, y);
          checked++;
          if (!ok && failures.length < 5) failures.push(`${JSON.stringify(a)} ${JSON.stringify(b)} ${x.m} ${y.m}`);
        }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });

  it('make the union no wider than needed: it is one bit narrower than the sum', () => {
    for (const [a, b] of pairs) expect(unionType(a, b).width).toBe(sumType(a, b).width - 1);
  });

  it('hold the sum of n values of a type for n up to 9', () => {
    for (const [t] of pairs.slice(0, 40))
      for (let n = 1; n <= 9; n++) {
        const acc = accumulatedType(t, n);
        const { min, max } = rangeOfBig(t);
        expect(holds(acc, { m: min * BigInt(n), f: fracBits(t) }) && holds(acc, { m: max * BigInt(n), f: fracBits(t) })).toBe(true);
      }
  });
});

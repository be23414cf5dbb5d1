import { describe, expect, it } from 'vitest';
import { planColumn, type ColumnPlan } from '../../../../src/backends/rtl/cmm/plan.ts';
import { csd } from '../../../../src/backends/rtl/cmm/csd.ts';
import { mulberry32 } from '../../../../src/data/random-inputs.ts';

/** Every source is what its adder computes, and every shift-add product sums to its constant. */
function checkPlan(plan: ColumnPlan, consts: readonly bigint[]): void {
  plan.sources.forEach((s, k) => {
    if (k === 0) return expect(s.value).toBe(1n);
    expect(s.a).toBeLessThan(k);
    expect(s.b).toBeLessThan(k);
    const [a, b] = [plan.sources[s.a].value, plan.sources[s.b].value << BigInt(s.shift)];
    expect(s.flip ? b - a : a + BigInt(s.sign) * b, `source ${k}`).toBe(s.value);
    expect(s.value).toBeGreaterThan(0n);
  });
  for (const c of consts) {
    const p = plan.products.get(c)!;
    if (p.kind === 'mul') continue;
    expect(p.terms.reduce((n, t) => n + BigInt(t.sign) * (plan.sources[t.src].value << BigInt(t.shift)), 0n), `${c}`).toBe(c);
  }
}

/** Adders a plan builds: one per source, terms − 1 per shift-add product, one more when every term is negative. */
function adders(plan: ColumnPlan): number {
  let n = plan.sources.length - 1;
  for (const p of plan.products.values()) if (p.kind === 'shift-add') n += p.terms.length - 1 + (p.terms.every((t) => t.sign < 0) ? 1 : 0);
  return n;
}

const randomOdds = (seed: number, n: number, bits: number): bigint[] => {
  const rnd = mulberry32(seed);
  const set = new Set<bigint>();
  while (set.size < n) {
    const v = BigInt(Math.floor(rnd() * 2 ** bits)) | 1n;
    if (v > 1n) set.add(rnd() < 0.5 ? -v : v);
  }
  return [...set];
};

describe('the constant multiplication plan of one input column', () => {
  it('builds exactly each constant from shared sources, with fewer adders than one shift-add per constant', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const consts = randomOdds(seed, 4 + (seed % 40), 7 + (seed % 10));
      const plan = planColumn(consts, 16, Infinity);
      checkPlan(plan, consts);
      const alone = consts.reduce((n, c) => n + csd(c).length - 1 + (csd(c).every((d) => d.sign < 0) ? 1 : 0), 0);
      expect(adders(plan)).toBeLessThanOrEqual(alone);
      if (consts.length >= 20) expect(adders(plan), `seed ${seed}: shared subexpressions save adders`).toBeLessThan(alone);
    }
  });

  it('shares the pattern x + 4x between 5, 10·5 + 1 = 51 and 5 · 2^4 − 3 = 77 style constants', () => {
    // 5 = 101b, 21 = 10101b, 85 = 1010101b: all are sums of the digit pair x + (x << 2)
    const plan = planColumn([5n, 21n, 85n], 8, Infinity);
    checkPlan(plan, [5n, 21n, 85n]);
    expect(plan.sources.map((s) => s.value)).toContain(5n);
    expect(adders(plan)).toBeLessThan(1 + 2 + 3);
  });

  it('puts a constant on a multiply cell when its shift-add costs more than the DSP slice, and never with no DSP', () => {
    const wide = [0x5555n + 0x2a00n, -0x3b6dn]; // many CSD digits at 16 bits
    expect([...planColumn(wide, 16, 0).products.values()].every((p) => p.kind === 'mul')).toBe(true);
    expect([...planColumn(wide, 16, Infinity).products.values()].every((p) => p.kind === 'shift-add')).toBe(true);
    // 3 = 4 − 1: one adder, far cheaper than a DSP slice at the default cost
    expect(planColumn([3n], 16, 55).products.get(3n)!.kind).toBe('shift-add');
    checkPlan(planColumn(wide, 16, 55), wide);
  });
});

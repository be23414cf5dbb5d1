import { describe, expect, it } from 'vitest';
import { toModule } from '../../../src/backends/rtl/layers/comb-layer.ts';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import type { Sig } from '../../../src/backends/rtl/netlist/netlist.ts';
import { moduleCost } from '../../../src/estimate/rtl/module-cost.ts';

/** `n` registered products x_i · w_i where every w_i is picked from `weights[i]` by a 2-bit cycle counter. */
function sharedMultipliers(weights: readonly (readonly number[])[]) {
  const b = new ModuleBuilder();
  b.port('input', 'clk', 1);
  const cnt = b.port('input', 'cnt', 2);
  const xs = weights.map((_, i) => b.port('input', `x${i}`, 8));
  const isCycle = [0, 1, 2].map((c) => b.eq(cnt, b.constant(BigInt(c), 3, true), `cyc${c}`));
  const products = weights.map((ws, i) => {
    let w = b.constant(BigInt(ws[3]), 6, true);
    for (let c = 2; c >= 0; c--) w = b.mux(isCycle[c], b.constant(BigInt(ws[c]), 6, true), w, `w${i}`);
    return b.reg(b.mul(xs[i], w, `m${i}`), { hint: `p${i}` });
  });
  const y = b.port('output', 'y', 14 * products.length);
  b.cell({ op: 'resize', out: y, a: b.concat(products, false) });
  return moduleCost(toModule(b, 'shared', []));
}

describe('moduleCost', () => {
  it('builds a weight-selection function of the cycle counter once, however many multipliers read it', () => {
    const w = [3, -5, 7, 11];
    const one = sharedMultipliers([w]);
    const eight = sharedMultipliers(Array.from({ length: 8 }, () => w));
    expect(eight.dsp).toBe(8 * one.dsp);
    // only the products' registers differ: the weight logic is the same cells
    expect(eight.lut).toBe(one.lut);
  });

  it('charges the weight selection of different constant sets separately', () => {
    const a = sharedMultipliers([[3, -5, 7, 11]]);
    const ab = sharedMultipliers([
      [3, -5, 7, 11],
      [-13, 9, 5, -3],
    ]);
    expect(ab.lut).toBeGreaterThan(a.lut);
  });

  it('gives a tree of adders read only by each other one carry chain, as alumacc merges it into one $macc', () => {
    const sum = (n: number) => {
      const b = new ModuleBuilder();
      const xs: Sig[] = Array.from({ length: n }, (_, i) => b.port('input', `x${i}`, 8));
      let level = xs;
      while (level.length > 1) {
        const next: Sig[] = [];
        for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? b.binary('add', level[i], level[i + 1], 8, true, 's') : level[i]);
        level = next;
      }
      const y = b.port('output', 'y', 8);
      b.cell({ op: 'resize', out: y, a: level[0] });
      return moduleCost(toModule(b, 'sum', []));
    };
    expect(sum(2).carry).toBe(2);
    expect(sum(8).carry).toBe(2);
    expect(sum(8).lut).toBeGreaterThan(sum(2).lut);
  });

  it('charges a sum of two full-width operands more per bit than one of a narrow, sign-extended operand', () => {
    const sum = (narrowWidth: number) => {
      const b = new ModuleBuilder();
      const x = b.port('input', 'x', 8);
      const z = b.port('input', 'z', narrowWidth);
      const y = b.port('output', 'y', 16);
      // a multiplier product plus another term: the sum of products that ABC maps to a compressor (costs.ts addDense)
      const p = b.mul(b.resize(x, 8, true), b.constant(77n, 8), 'p');
      b.cell({ op: 'resize', out: y, a: b.binary('add', p, b.resize(z, 16, true), 16, true, 's') });
      return moduleCost(toModule(b, 'sum', [])).lut;
    };
    expect(sum(16)).toBeGreaterThan(sum(4));
    expect(sum(16) / 16).toBeGreaterThan(1.2);
  });

  it('charges an increment (a 1-bit operand) about one LUT and a full-width sum one LUT per bit, as Yosys maps them', () => {
    // measured with Yosys 0.23 synth_xilinx -family xcup: a 16-bit a + 1-bit c is 1 LUT2 + 5 CARRY4, a + b 16 LUT2
    const sum = (bWidth: number) => {
      const b = new ModuleBuilder();
      b.port('input', 'clk', 1);
      const x = b.port('input', 'a', 16);
      const c = b.port('input', 'c', bWidth);
      const y = b.port('output', 'y', 17);
      b.reg(b.binary('add', b.resize(x, 16, true), bWidth === 1 ? c : b.resize(c, 16, true), 17, true, 's'), { out: y });
      return moduleCost(toModule(b, 'sum', []));
    };
    expect(sum(1).lut).toBeLessThanOrEqual(1);
    expect(sum(16).lut).toBeGreaterThanOrEqual(16);
    expect(sum(1).carry).toBe(sum(16).carry);
  });
});

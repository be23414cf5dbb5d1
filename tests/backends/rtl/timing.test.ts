import { describe, expect, it } from 'vitest';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import { schedule } from '../../../src/backends/rtl/netlist/schedule.ts';
import { carryChainNs, cellDelayNs, LUT_LEVEL_NS, MUXF_NS, romOutputNs, romReadNs, stageBudgetNs } from '../../../src/backends/rtl/timing.ts';

/** A chain of n 16-bit adders, each adding a fresh input to the previous sum. */
function adderChain(n: number) {
  const b = new ModuleBuilder();
  let acc = b.port('input', 'x0', 16);
  for (let k = 1; k <= n; k++) acc = b.add(acc, b.port('input', `x${k}`, 16), `s${k}`);
  return { b, out: acc };
}

describe('the RTL timing model (docs/rtl.md, "Pipelining rule")', () => {
  it('keeps 0.65 ns of each clock period for the flip-flops, the last net and margin', () => {
    expect(stageBudgetNs(5)).toBe(4.35);
    expect(stageBudgetNs(2.5)).toBe(1.85);
    expect(stageBudgetNs(0.5)).toBe(LUT_LEVEL_NS); // never less than one LUT level
    expect(() => stageBudgetNs(0)).toThrow(/positive/);
  });

  it('prices an adder by its carry chain, a merged adder and a ROM by their LUT levels or as a block RAM', () => {
    expect(carryChainNs(8)).toBeCloseTo(0.7);
    expect(carryChainNs(32)).toBeCloseTo(0.85);
    const b = new ModuleBuilder();
    const [x, y] = [b.port('input', 'x', 16), b.port('input', 'y', 16)];
    const sum = b.add(x, y);
    const cell = b.cells.find((c) => c.op === 'add' && c.out === sum)!;
    if (cell.op !== 'add') throw new Error('unreachable');
    expect(cellDelayNs(cell)).toBeCloseTo(carryChainNs(17));
    expect(cellDelayNs(cell, true)).toBeLessThan(cellDelayNs(cell));
    expect(romReadNs(6)).toBeCloseTo(LUT_LEVEL_NS);
    expect(romReadNs(8)).toBeCloseTo(2 * LUT_LEVEL_NS + MUXF_NS); // rom8x16: LUT, MUXF7, LUT
    // 1024 words: a block RAM, its clock-to-out in the next stage
    expect(romReadNs(10)).toBeCloseTo(LUT_LEVEL_NS);
    expect([romOutputNs(8), romOutputNs(10)]).toEqual([0, 0.9]);
  });

  for (const [clock, n] of [
    [5, 6],
    [5, 12],
    [2.5, 12],
  ] as const) {
    it(`fills each stage up to the budget and no further: ${n} chained adders at ${clock} ns`, () => {
      const { b, out } = adderChain(n);
      const budget = stageBudgetNs(clock);
      const s = schedule(b, [out], budget);
      expect(s.worstStageNs).toBeLessThanOrEqual(budget);
      // the first adder of a stage pays its carry chain (17 to 28 bits wide here), each further one a merged adder
      const first = carryChainNs(24);
      const merged = 0.7;
      const perStage = 1 + Math.floor((budget - first + 1e-9) / merged);
      expect(s.latency).toBe(Math.ceil(n / perStage));
      expect(s.worstStageNs).toBeGreaterThan(budget - merged);
    });
  }

  describe('across layer boundaries: inputs arriving with logic depth, outputs handed on unregistered', () => {
    const budget = stageBudgetNs(5);
    /** one module of two chained adders, scheduled from input depth `depth`, its result unregistered */
    const module2 = (depth: number) => {
      const { b, out } = adderChain(2);
      const ports = b.ports.filter((p) => p.dir === 'input');
      return { b, s: schedule(b, [out], budget, { inputDepthNs: new Map(ports.map((p) => [p.sig, depth])), registerOutputs: false }) };
    };
    const alone = module2(0).s;

    it('keeps a chain of modules whose logic fits one stage free of registers', () => {
      expect(alone.latency).toBe(0);
      expect(alone.outDepthNs).toBeCloseTo(alone.worstStageNs);
      const next = module2(alone.outDepthNs);
      expect(next.s.latency).toBe(0);
      expect(next.b.cells.filter((c) => c.op === 'reg')).toEqual([]);
      // the second module continues where the first stopped
      expect(next.s.outDepthNs).toBeCloseTo(2 * alone.outDepthNs);
      expect(next.s.outDepthNs).toBeLessThanOrEqual(budget);
    });

    it('registers exactly where the budget runs out, and only there', () => {
      // the first adder still fits after `depth`, the second does not
      const depth = budget - carryChainNs(17) - 0.01;
      const { b, s } = module2(depth);
      expect(s.latency).toBe(1);
      const regs = b.cells.filter((c) => c.op === 'reg');
      // the first sum and the second adder's fresh operand cross the register; the result leaves unregistered
      expect(regs.map((r) => (r.op === 'reg' ? r.d.name.replace(/_w\d+$/, '') : '')).sort()).toEqual(['s1', 'x2']);
      expect(s.outDepthNs).toBeGreaterThan(0);
      expect(s.outDepthNs).toBeLessThan(alone.outDepthNs);
      expect(s.worstStageNs).toBeLessThanOrEqual(budget);
    });

    it('registers every output once when asked (io_stream), whatever the input depth', () => {
      const { b, out } = adderChain(2);
      const ports = b.ports.filter((p) => p.dir === 'input');
      const s = schedule(b, [out], budget, { inputDepthNs: new Map(ports.map((p) => [p.sig, 1])) });
      expect([s.latency, s.outDepthNs]).toEqual([1, 0]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ModuleBuilder } from '../../../../src/backends/rtl/netlist/builder.ts';
import { controlSim } from '../../../../src/backends/rtl/netlist/control-sim.ts';

/**
 * A 3-bit counter modulo 5 that counts when `en`, a signed 4-bit accumulator of −3 per count (wrapping), a flag
 * `neg` = acc < 0 (signed compare), a 2-word ROM read at the counter's low bit, and a 100-bit data register that no
 * control output reads.
 */
function counterModule() {
  const b = new ModuleBuilder();
  const rst = b.port('input', 'rst', 1);
  const en = b.port('input', 'en', 1);
  const data = b.port('input', 'data', 100);
  const q = b.sig(3, false, 'q');
  const wrap = b.eq(q, b.constant(4n, 4, true), 'wrap');
  const inc = b.slice(b.add(q, b.constant(1n, 2, true), 'inc'), 0, 3, 'inc3');
  b.reg(b.mux(wrap, b.constant(0n, 3, false), inc, 'q_next'), { out: q, en, reset: 0n });
  const acc = b.sig(4, true, 'acc');
  b.reg(b.slice(b.add(acc, b.constant(-3n, 4, true), 'acc_sum'), 0, 4, 'acc_next'), { out: acc, en, reset: 0n });
  const accS = b.resize(b.slice(acc, 0, 4, 'acc_bits'), 4, true, 'acc_s');
  const neg = b.lt(accS, b.constant(0n, 4, true), 'neg');
  const rom = b.rom({ name: 'pattern', width: 2, words: [2n, 1n], comment: '' }, b.slice(q, 0, 1, 'q0'), false, 'pattern_rd');
  const held = b.reg(data, { en, hint: 'held' });
  return { b, rst, en, q, wrap, neg, rom, held };
}

describe('the control-cone simulator', () => {
  it('steps counters, signed compares and ROM reads as the Verilog registers would, reset first', () => {
    const m = counterModule();
    const sim = controlSim(m.b.cells, [m.wrap, m.neg, m.rom], m.rst);
    sim.set(m.rst, 1);
    sim.settle();
    sim.clock();
    sim.set(m.rst, 0);
    let [q, acc] = [0, 0];
    for (let cycle = 0; cycle < 40; cycle++) {
      const en = cycle % 3 !== 1 ? 1 : 0;
      sim.set(m.en, en);
      sim.settle();
      expect([sim.get(m.q), sim.get(m.wrap), sim.get(m.neg), sim.get(m.rom)]).toEqual([q, q === 4 ? 1 : 0, acc < 0 ? 1 : 0, q % 2 === 0 ? 2 : 1]);
      sim.clock();
      if (en) {
        q = q === 4 ? 0 : q + 1;
        acc = ((acc - 3 + 8) & 15) - 8;
      }
    }
  });

  it('leaves out signals the targets do not depend on, and refuses a wide target', () => {
    const m = counterModule();
    const sim = controlSim(m.b.cells, [m.wrap], m.rst);
    expect(() => sim.get(m.held)).toThrow("control sim: 'held' is not in the cone");
    expect(() => controlSim(m.b.cells, [m.held], m.rst)).toThrow("control cone: signal 'held' is 100 bits, more than 32");
  });

  it('returns to its register state after the period of its counters, not sooner', () => {
    const m = counterModule();
    const sim = controlSim(m.b.cells, [m.wrap, m.neg], m.rst);
    sim.set(m.en, 1);
    const states: string[] = [];
    for (let cycle = 0; cycle < 100; cycle++) {
      states.push(sim.state());
      sim.settle();
      sim.clock();
    }
    // q has period 5 and acc (−3 per step modulo 16) period 16: together lcm(5, 16) = 80
    expect(states.indexOf(states[0], 1)).toBe(80);
  });
});

import { ModuleBuilder } from '../netlist/builder.ts';
import type { Module, Sig } from '../netlist/netlist.ts';
import { counter, countWidth, increment, stagePorts } from './handshake.ts';

/**
 * A first-in first-out buffer of `depth` transfers of `width` bits (registers; a branch that reaches a join earlier
 * than its partner waits here, see docs/rtl.md). Takes a transfer when not full, offers the oldest when not empty;
 * both in one cycle keep it full. A transfer taken in cycle t is offered from t + 1.
 */
export function fifo(name: string, width: number, depth: number): Module {
  const b = new ModuleBuilder();
  const p = stagePorts(b, [width], width);
  const x = p.xs[0];
  const aw = countWidth(depth);
  const count = b.sig(countWidth(depth + 1), false, 'count');
  const full = b.eq(count, b.constant(BigInt(depth), count.width + 1, true), 'full');
  const empty = b.eq(count, b.constant(0n, count.width + 1, true), 'empty');
  const push = b.and(x.valid, b.not(full, 'not_full'), 'push');
  const pop = b.and(p.y.ready, b.not(empty, 'not_empty'), 'pop');
  const wrap = (q: Sig, hint: string) => b.mux(b.eq(q, b.constant(BigInt(depth - 1), aw + 1, true), `${hint}_end`), b.constant(0n, aw, false), increment(b, q, hint), `${hint}_next`);
  const wp = counter(b, aw, 'wp', (q) => wrap(q, 'wp'), push);
  const rp = counter(b, aw, 'rp', (q) => wrap(q, 'rp'), pop);
  const up = b.and(push, b.not(pop, 'no_pop'), 'up');
  const down = b.and(pop, b.not(push, 'no_push'), 'down');
  const inc = increment(b, count, 'count');
  const dec = b.slice(b.sub(count, b.constant(1n, 2, true), 'count_dec'), 0, count.width, 'count_dec');
  b.reg(b.resize(b.mux(up, inc, b.mux(down, dec, count, 'count_keep'), 'count_next'), count.width, false, 'count_next'), { out: count, reset: 0n });
  const slots = Array.from({ length: depth }, (_, k) => b.reg(x.data, { en: b.and(push, b.eq(wp, b.constant(BigInt(k), aw + 1, true), `at${k}`), `we${k}`), hint: `slot${k}` }));
  let out = slots[depth - 1];
  for (let k = depth - 2; k >= 0; k--) out = b.mux(b.eq(rp, b.constant(BigInt(k), aw + 1, true), `rd${k}`), slots[k], out, `rd${k}`);
  b.cell({ op: 'resize', out: p.y.data, a: out });
  b.cell({ op: 'resize', out: p.y.valid, a: b.not(empty, 'not_empty') });
  b.cell({ op: 'resize', out: x.ready, a: b.not(full, 'not_full') });
  const comment = [`${name}: FIFO of ${depth} transfers of ${width} bits (registers) balancing a branch into a join`];
  return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
}

import { ModuleBuilder } from '../netlist/builder.ts';
import type { Module } from '../netlist/netlist.ts';
import { countWidth, increment, stagePorts } from './handshake.ts';

/**
 * Serial → parallel: `n` transfers of `width` bits become one transfer of n·width bits, transfer 0 in the low bits
 * (the row-major order of the tensor: reshape/flatten of a pixel stream into one vector). The collector takes a
 * transfer per cycle; the last one is taken only when the output register is free (or being emptied), so the next
 * tensor is collected while the previous one waits. Latency 1 after the last transfer.
 */
export function deserializer(name: string, comment: readonly string[], width: number, n: number): Module {
  const b = new ModuleBuilder();
  const p = stagePorts(b, [width], width * n);
  const x = p.xs[0];
  const yValid = b.sig(1, false, 'full');
  const cnt = b.sig(countWidth(n), false, 'cnt');
  const isLast = b.eq(cnt, b.constant(BigInt(n - 1), cnt.width + 1, true), 'is_last');
  const room = b.or(b.not(yValid, 'empty'), p.y.ready, 'room');
  const ready = b.or(b.not(isLast, 'not_last'), room, 'ready');
  const take = b.and(x.valid, ready, 'take');
  const done = b.and(take, isLast, 'done');
  b.reg(b.mux(done, b.constant(0n, cnt.width, false), increment(b, cnt, 'cnt'), 'cnt_next'), { out: cnt, en: take, reset: 0n });
  // shift register of the first n − 1 transfers: the newest enters at the top, so transfer 0 ends in the low bits
  const collected = n > 1 ? b.sig(width * (n - 1), false, 'collected') : undefined;
  if (collected) {
    const shifted = n > 2 ? b.concat([x.data, b.slice(collected, width, width * (n - 2), 'older')], false, 'shifted') : x.data;
    b.reg(shifted, { out: collected, en: take });
  }
  const whole = collected ? b.concat([x.data, collected], false, 'whole') : x.data;
  b.reg(whole, { out: p.y.data, en: done });
  b.reg(b.mux(done, b.constant(1n, 1, false), b.and(yValid, b.not(p.y.ready, 'not_taken'), 'held'), 'full_next'), { out: yValid, reset: 0n });
  b.cell({ op: 'resize', out: p.y.valid, a: yValid });
  b.cell({ op: 'resize', out: x.ready, a: ready });
  return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
}

/**
 * Parallel → serial: one transfer of n·width bits becomes n transfers of `width` bits, the low bits first. Holds
 * the vector and shifts it down a transfer at a time; the next vector is taken together with the last transfer out.
 * Latency 1, one transfer out per cycle.
 */
export function serializer(name: string, comment: readonly string[], width: number, n: number): Module {
  const b = new ModuleBuilder();
  const p = stagePorts(b, [width * n], width);
  const x = p.xs[0];
  const have = b.sig(1, false, 'have');
  const cnt = b.sig(countWidth(n), false, 'cnt');
  const isLast = b.eq(cnt, b.constant(BigInt(n - 1), cnt.width + 1, true), 'is_last');
  const give = b.and(have, p.y.ready, 'give');
  const ready = b.or(b.not(have, 'idle'), b.and(give, isLast, 'last_out'), 'ready');
  const take = b.and(x.valid, ready, 'take');
  const held = b.sig(width * n, false, 'held');
  const down = n > 1 ? b.concat([b.constant(0n, width, false), b.slice(held, width, width * (n - 1), 'rest')], false, 'down') : held;
  b.reg(b.mux(take, x.data, down, 'held_next'), { out: held, en: b.or(take, give, 'held_en') });
  b.reg(b.mux(take, b.constant(0n, cnt.width, false), increment(b, cnt, 'cnt'), 'cnt_next'), { out: cnt, en: b.or(take, give, 'cnt_en'), reset: 0n });
  b.reg(b.mux(take, b.constant(1n, 1, false), b.and(have, b.not(b.and(give, isLast, 'gone'), 'stays'), 'kept'), 'have_next'), { out: have, reset: 0n });
  b.cell({ op: 'resize', out: p.y.data, a: b.slice(held, 0, width, 'low') });
  b.cell({ op: 'resize', out: p.y.valid, a: have });
  b.cell({ op: 'resize', out: x.ready, a: ready });
  return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
}

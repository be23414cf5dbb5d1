import { ModuleBuilder } from '../netlist/builder.ts';
import type { Module, Rom, Sig } from '../netlist/netlist.ts';
import { countWidth, increment, stagePorts } from './handshake.ts';
import type { StreamWindow } from './window-geometry.ts';

/**
 * Line-buffer segments of at least this many bits (and 4 or more pixels deep) are single-port read-first memories
 * (block RAM or LUT RAM once synthesized); shorter ones are registers. docs/rtl.md, "io_stream".
 */
export const RAM_MIN_BITS = 1024;
export const RAM_MIN_DEPTH = 4;

/**
 * The window generator: walks the padded image row-major, one position per enabled cycle — taking an input pixel
 * where the position is inside the image, pushing a zero pixel (flag 0) in the padding — into a line buffer that
 * holds the last max(offsets) + 1 pushed pixels. After the push that completes a window (`emitRow[r] & emitCol[c]`)
 * it offers the window: tap t (its pixel `offsets[t]` pushes back) in bits [t·P + P − 1 : t·P] of y, P the pixel
 * width, and with `flags` each tap's inside flag in bit taps·P + t. `emit` overrides which positions are offered
 * (crop). ce = ~y_valid | y_ready freezes the walker while a window waits. Latency 1 after the completing push.
 */
export function windowGenerator(name: string, comment: readonly string[], g: StreamWindow, pixelBits: number, flags: boolean): Module {
  const b = new ModuleBuilder();
  const taps = g.taps;
  const p = stagePorts(b, [pixelBits], taps * pixelBits + (flags ? taps : 0));
  const x = p.xs[0];
  const [rows, cols] = g.padded;
  const rw = countWidth(rows);
  const cw = countWidth(cols);
  const rom = (bitsOf: readonly boolean[], label: string, addr: Sig): Sig => {
    const r: Rom = { name: label, width: 1, words: [...bitsOf.map((v) => (v ? 1n : 0n)), ...new Array<bigint>(2 ** addr.width - bitsOf.length).fill(0n)], comment: `${label}: one bit per padded ${label.startsWith('row') ? 'row' : 'column'}` };
    return b.rom(r, addr, false, `${label}_rd`);
  };
  const wv = b.sig(1, false, 'window_valid');
  const ce = b.or(b.not(wv, 'no_window'), p.y.ready, 'ce');
  const row = b.sig(rw, false, 'row');
  const col = b.sig(cw, false, 'col');
  const inside = b.and(rom(g.rowInside, 'row_inside', row), rom(g.colInside, 'col_inside', col), 'in_image');
  const step = b.and(ce, b.or(b.not(inside, 'padding'), x.valid, 'can_step'), 'step');
  b.cell({ op: 'and', out: x.ready, a: ce, b: inside });
  const lastCol = b.eq(col, b.constant(BigInt(cols - 1), cw + 1, true), 'last_col');
  const lastRow = b.eq(row, b.constant(BigInt(rows - 1), rw + 1, true), 'last_row');
  b.reg(b.resize(b.mux(lastCol, b.constant(0n, cw, false), increment(b, col, 'col'), 'col_next'), cw, false, 'col_next'), { out: col, en: step, reset: 0n });
  b.reg(b.resize(b.mux(lastRow, b.constant(0n, rw, false), increment(b, row, 'row'), 'row_next'), rw, false, 'row_next'), { out: row, en: b.and(step, lastCol, 'row_step'), reset: 0n });
  const emit = b.and(step, b.and(rom(g.emitRow, 'row_emit', row), rom(g.emitCol, 'col_emit', col), 'emit_here'), 'emit');
  b.reg(emit, { out: wv, en: ce, reset: 0n });

  // the pushed pixel: data (zero in the padding) and, for pools, its inside flag in the top bit
  const data = b.mux(inside, x.data, b.constant(0n, pixelBits, false), 'pixel');
  const pushed = flags ? b.concat([inside, b.resize(data, pixelBits, false, 'pixel_bits')], false, 'pixel_flag') : b.resize(data, pixelBits, false, 'pixel_bits');
  const lb = lineBuffer(b, pushed, step, [...new Set(g.offsets)].sort((u, v) => u - v));
  const tapData = g.offsets.map((o, t) => b.slice(lb.get(o)!, 0, pixelBits, `tap${t}`));
  const parts = flags ? [...g.offsets.map((o, t) => b.slice(lb.get(o)!, pixelBits, 1, `tap${t}_inside`)).reverse(), ...tapData.reverse()] : tapData.reverse();
  b.cell(parts.length === 1 ? { op: 'resize', out: p.y.data, a: parts[0] } : { op: 'concat', out: p.y.data, parts });
  b.cell({ op: 'resize', out: p.y.valid, a: wv });
  return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
}

/**
 * A shift register of pushed pixels read at the given offsets (0 = the newest). The stretch between two read offsets
 * a < o is o − a registers, or — when deep and wide enough — a read-first memory of o − a − 1 words whose registered
 * read is the pixel at o: each push writes the pixel at a into the oldest word and reads that word's old value.
 */
export function lineBuffer(b: ModuleBuilder, input: Sig, push: Sig, offsets: readonly number[]): Map<number, Sig> {
  const at = new Map<number, Sig>();
  let prev = b.reg(input, { en: push, hint: 'lb0' });
  let a = 0;
  at.set(0, prev);
  for (const o of offsets.filter((v) => v > 0)) {
    const depth = o - a - 1;
    if (depth >= RAM_MIN_DEPTH && depth * input.width >= RAM_MIN_BITS) {
      const aw = countWidth(depth);
      const addr = b.sig(aw, false, `lb${o}_addr`);
      const wrap = b.eq(addr, b.constant(BigInt(depth - 1), aw + 1, true), `lb${o}_wrap`);
      b.reg(b.resize(b.mux(wrap, b.constant(0n, aw, false), increment(b, addr, `lb${o}_addr`), `lb${o}_addr_next`), aw, false, `lb${o}_addr_next`), { out: addr, en: push, reset: 0n });
      const out = b.sig(input.width, false, `lb${o}`);
      b.cell({ op: 'ram', out, addr, d: prev, en: push, depth, mem: `lb${o}_mem` });
      prev = out;
    } else {
      for (let k = a + 1; k <= o; k++) prev = b.reg(prev, { en: push, hint: `lb${k}` });
    }
    at.set(o, prev);
    a = o;
  }
  return at;
}

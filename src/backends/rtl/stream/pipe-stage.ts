import { ModuleBuilder } from '../netlist/builder.ts';
import type { Module, Sig } from '../netlist/netlist.ts';
import { andAll, countWidth, stagePorts } from './handshake.ts';
import { inlineWithEnable } from './inline.ts';
import type { LayerHardware } from '../layers/types.ts';

/**
 * A layer's io_parallel datapath (a pipeline of fixed latency L accepting a transfer every II cycles) as a stream
 * stage. It fires — takes one transfer from every input at once (a join) — when all inputs are valid, the stage is
 * enabled and not busy; a valid bit per pipeline stage follows the transfer. `ce = ~y_valid | y_ready`: when the
 * output is held by back-pressure every register of the stage (datapath, valid bits, II counter) freezes, so a
 * transfer still leaves exactly L enabled cycles after it entered. A datapath of latency 0 (wires) is combinational:
 * `y_valid` = all inputs valid, each input is taken when the output is.
 */
export function pipeStage(name: string, comment: readonly string[], hw: LayerHardware, inWidths: readonly number[]): Module {
  const b = new ModuleBuilder();
  const p = stagePorts(b, inWidths, hw.module.ports.find((q) => q.sig.name === 'y')!.sig.width);
  const allValid = andAll(b, p.xs.map((x) => x.valid), 'all_valid');
  const data: Record<string, Sig> = { y: p.y.data };
  p.xs.forEach((x, k) => (data[inWidths.length === 1 ? 'x' : `x${k}`] = x.data));
  if (hw.latency === 0) {
    const fire = b.and(allValid, p.y.ready, 'fire');
    p.xs.forEach((x) => b.cell({ op: 'resize', out: x.ready, a: fire }));
    b.cell({ op: 'resize', out: p.y.valid, a: allValid });
    inlineWithEnable(b, hw.module, fire, data);
    return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
  }
  const last = b.sig(1, false, 'v_last');
  const ce = b.or(b.not(last, 'v_last_n'), p.y.ready, 'ce');
  let fire = b.and(allValid, ce, 'fire');
  if (hw.ii > 1) {
    // busy for II − 1 enabled cycles after a transfer is taken
    const w = countWidth(hw.ii);
    const busyLeft = b.sig(w, false, 'busy_left');
    const busy = b.redor(busyLeft, 'busy');
    fire = b.and(fire, b.not(busy, 'idle'), 'fire_idle');
    const dec = b.slice(b.sub(busyLeft, b.constant(1n, 2, true), 'busy_dec'), 0, w, 'busy_dec');
    b.reg(b.resize(b.mux(fire, b.constant(BigInt(hw.ii - 1), w, false), b.mux(busy, dec, busyLeft, 'busy_keep'), 'busy_next'), w, false, 'busy_next'), { out: busyLeft, en: ce, reset: 0n });
  }
  p.xs.forEach((x) => b.cell({ op: 'resize', out: x.ready, a: fire }));
  let v = fire;
  for (let k = 0; k < hw.latency; k++) v = b.reg(v, { en: ce, reset: 0n, out: k === hw.latency - 1 ? last : undefined, hint: `v${k}` });
  b.cell({ op: 'resize', out: p.y.valid, a: last });
  inlineWithEnable(b, hw.module, ce, { ...data, clk: p.clk, rst: p.rst, start: fire });
  return { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
}

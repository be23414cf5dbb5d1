import type { ModuleBuilder } from '../netlist/builder.ts';
import { remapCell } from '../netlist/flatten.ts';
import type { Module, Sig } from '../netlist/netlist.ts';

/**
 * Copies a datapath module's netlist into `b` (the stream stage that wraps it), with every register gated by the
 * clock enable `ce`: when the stage's output is held by back-pressure the whole datapath freezes, so its fixed
 * latency and II (counted in enabled cycles) stay what the datapath generator planned. `ports` maps the datapath's
 * port names (clk, rst, start, x…, y) to signals of `b`; the other signals keep their names (b starts empty of them).
 */
export function inlineWithEnable(b: ModuleBuilder, m: Module, ce: Sig, ports: Readonly<Record<string, Sig>>): void {
  const map = new Map<Sig, Sig>();
  for (const p of m.ports) {
    const to = ports[p.sig.name];
    if (!to) throw new Error(`inline ${m.name}: port '${p.sig.name}' is not connected`);
    map.set(p.sig, to);
  }
  for (const s of m.sigs) if (!map.has(s)) map.set(s, b.sig(s.width, s.signed, s.name));
  const to = (s: Sig): Sig => map.get(s)!;
  for (const r of m.roms) b.roms.push(r);
  for (const c of m.cells) {
    if (c.op === 'reg') {
      const en = c.en ? b.and(to(c.en), ce, `${c.out.name}_ce`) : ce;
      b.cell({ ...c, out: to(c.out), d: to(c.d), en });
    } else if (c.op === 'ram') {
      b.cell({ ...c, out: to(c.out), addr: to(c.addr), d: to(c.d), en: b.and(to(c.en), ce, `${c.mem}_ce`) });
    } else b.cell(remapCell(c, to));
  }
}

import type { Cell, Module, Sig } from './netlist.ts';

/**
 * A top module with its instances inlined one level deep (the io_stream top instantiates its stages and FIFOs):
 * every signal of every instance becomes its own signal, instance ports become the top's signals they connect to.
 * Instances inside the instantiated modules stay `inst` cells (opaque).
 */
export interface FlatNetlist {
  readonly cells: readonly Cell[];
  /** the top's ports by name */
  readonly ports: ReadonlyMap<string, Sig>;
}

export function flattenOneLevel(top: Module, modules: readonly Module[]): FlatNetlist {
  const byName = new Map(modules.map((m) => [m.name, m]));
  let next = Math.max(0, ...top.sigs.map((s) => s.id)) + 1;
  const cells: Cell[] = [];
  top.cells.forEach((c, k) => {
    if (c.op !== 'inst' || !byName.has(c.module)) return void cells.push(c);
    const m = byName.get(c.module)!;
    const map = new Map<Sig, Sig>();
    for (const p of m.ports) {
      const to = c.conns.find((q) => q.port === p.sig.name);
      if (!to) throw new Error(`flatten: port '${p.sig.name}' of instance ${c.name} is not connected`);
      map.set(p.sig, to.sig);
    }
    const f = (s: Sig): Sig => map.get(s) ?? map.set(s, { ...s, id: next++, name: `u${k}.${s.name}` }).get(s)!;
    for (const cell of m.cells) cells.push(remapCell(cell, f));
  });
  return { cells, ports: new Map(top.ports.map((p) => [p.sig.name, p.sig])) };
}

/** The same cell over other signals. */
export function remapCell(c: Cell, f: (s: Sig) => Sig): Cell {
  switch (c.op) {
    case 'const':
      return { ...c, out: f(c.out) };
    case 'resize':
    case 'slice':
    case 'not':
    case 'redor':
      return { ...c, out: f(c.out), a: f(c.a) };
    case 'concat':
      return { ...c, out: f(c.out), parts: c.parts.map(f) };
    case 'mux':
      return { ...c, out: f(c.out), sel: f(c.sel), a: f(c.a), b: f(c.b) };
    case 'rom':
      return { ...c, out: f(c.out), addr: f(c.addr) };
    case 'reg':
      return { ...c, out: f(c.out), d: f(c.d), en: c.en && f(c.en) };
    case 'ram':
      return { ...c, out: f(c.out), addr: f(c.addr), d: f(c.d), en: f(c.en) };
    case 'inst':
      return { ...c, conns: c.conns.map((p) => ({ port: p.port, sig: f(p.sig) })) };
    default:
      return { ...c, out: f(c.out), a: f(c.a), b: f(c.b) };
  }
}

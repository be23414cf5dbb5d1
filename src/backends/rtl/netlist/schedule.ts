import type { ModuleBuilder } from './builder.ts';
import { cellInputs, type Cell, type Sig } from './netlist.ts';

/**
 * Pipelining of a combinational netlist: each cell is placed as early as possible in a stage whose logic depth
 * (in "levels", see LEVELS) stays within `levels`; a multiply fills a stage and a ROM read ends one (both are
 * registered). Every operand coming from an earlier stage is delayed by registers (one chain per signal, shared by
 * its consumers), so all paths into a cell have the same latency. Every output is registered once at the end.
 */
const LEVELS: Record<Exclude<Cell['op'], 'reg' | 'inst' | 'ram'>, number> = {
  const: 0,
  resize: 0,
  slice: 0,
  concat: 0,
  not: 0,
  and: 0.5,
  or: 0.5,
  xor: 0.5,
  redor: 0.5,
  mux: 0.5,
  add: 1,
  sub: 1,
  lt: 1,
  gt: 1,
  eq: 1,
  rom: 1,
  mul: Infinity, // replaced by the stage budget: a multiplier gets a stage of its own
};
const REGISTERED = new Set<Cell['op']>(['mul', 'rom']);

interface Arrival {
  readonly stage: number;
  readonly depth: number;
}

export function schedule(b: ModuleBuilder, outputs: readonly Sig[], levels: number): { outputs: Sig[]; latency: number } {
  const cells = b.cells.splice(0);
  const arrival = new Map<Sig, Arrival>();
  const arrive = (s: Sig): Arrival => arrival.get(s) ?? { stage: 0, depth: 0 };
  const chains = new Map<string, Sig>();
  // multiplies are placed as late as possible: just before their first consumer (in an ascending accumulation chain
  // this delays the shared inputs instead of every product)
  const pending = new Map<Sig, { cell: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>; minStage: number; wire: boolean }>();

  const place = (c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>, stage: number, depth: number, cost: number): void => {
    const placed = withInputs(c, (s) => at(s, stage));
    if (REGISTERED.has(c.op)) {
      const comb = b.sig(c.out.width, c.out.signed, `${c.out.name}_c`);
      b.cell({ ...placed, out: comb } as Cell);
      b.reg(comb, { out: c.out });
      arrival.set(c.out, { stage: stage + 1, depth: 0 });
    } else {
      b.cell(placed);
      arrival.set(c.out, { stage, depth: depth + cost });
    }
  };

  /** s as seen at `stage`: through a chain of delay registers when it was computed earlier. */
  const at = (s: Sig, stage: number): Sig => {
    if (b.isConstant(s)) return s;
    const p = pending.get(s);
    if (p) {
      pending.delete(s);
      const st = Math.max(stage, p.minStage);
      if (p.wire) place(p.cell, st, 0, 0);
      else place(p.cell, st - 1, 0, levels);
    }
    const a = arrive(s);
    if (stage < a.stage) throw new Error(`schedule: '${s.name}' is needed at stage ${stage} before it exists (${a.stage})`);
    if (stage === a.stage) return s;
    const key = `${s.id}@${stage}`;
    let r = chains.get(key);
    if (!r) {
      r = b.reg(at(s, stage - 1), { hint: `${s.name}_d${stage}` });
      arrival.set(r, { stage, depth: 0 });
      chains.set(key, r);
    }
    return r;
  };

  for (const c of cells) {
    if (c.op === 'reg' || c.op === 'inst' || c.op === 'ram') throw new Error(`schedule: '${c.op}' cells are placed by hand, not scheduled`);
    if (c.op === 'const') {
      b.cell(c);
      continue;
    }
    const live = cellInputs(c)
      .filter((s) => !b.isConstant(s))
      .map((s) => (pending.has(s) ? { stage: pending.get(s)!.minStage, depth: 0 } : arrive(s)));
    let stage = Math.max(0, ...live.map((a) => a.stage));
    let depth = Math.max(0, ...live.filter((a) => a.stage === stage).map((a) => a.depth));
    const cost = c.op === 'mul' ? levels : LEVELS[c.op];
    if (depth > 0 && depth + cost > levels) [stage, depth] = [stage + 1, 0];
    const ins = cellInputs(c).filter((s) => !b.isConstant(s));
    if (c.op === 'mul') pending.set(c.out, { cell: c, minStage: stage + 1, wire: false });
    // free wiring (extensions, slices) of a deferred product is deferred with it
    else if (cost === 0 && ins.length > 0 && ins.every((s) => pending.has(s))) pending.set(c.out, { cell: c, minStage: stage, wire: true });
    else place(c, stage, depth, cost);
  }

  for (const [s, p] of [...pending]) at(s, p.minStage);
  const live = outputs.filter((s) => !b.isConstant(s)).map((s) => arrive(s));
  const latency = Math.max(1, ...live.map((a) => a.stage + (a.depth > 0 ? 1 : 0)));
  return { outputs: outputs.map((s) => at(s, latency)), latency };
}

function withInputs(c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>, f: (s: Sig) => Sig): Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }> {
  switch (c.op) {
    case 'const':
      return c;
    case 'resize':
    case 'slice':
    case 'not':
    case 'redor':
      return { ...c, a: f(c.a) };
    case 'concat':
      return { ...c, parts: c.parts.map(f) };
    case 'mux':
      return { ...c, sel: f(c.sel), a: f(c.a), b: f(c.b) };
    case 'rom':
      return { ...c, addr: f(c.addr) };
    default:
      return { ...c, a: f(c.a), b: f(c.b) };
  }
}

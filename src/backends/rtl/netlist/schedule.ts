import type { ModuleBuilder } from './builder.ts';
import { cellDelayNs, LUT_LEVEL_NS, romOutputNs, romReadNs } from '../timing.ts';
import { cellInputs, type Cell, type Sig } from './netlist.ts';

/**
 * Pipelining of a combinational netlist: each cell is placed as early as possible in a stage whose logic delay (ns,
 * timing.ts `cellDelayNs`) stays within `budgetNs`; a multiply fills a stage and a ROM read ends one (both are
 * registered). Every operand coming from an earlier stage is delayed by registers (one chain per signal, shared by
 * its consumers), so all paths into a cell have the same latency.
 * Cross-layer flow (docs/rtl.md, "Pipelining rule"): `inputDepthNs` gives the depth (ns of logic already spent in the
 * current stage) at which each input signal arrives (absent: 0, a register). With `registerOutputs` (the default)
 * every output is registered once at the end and leaves at depth 0; without it the outputs leave in the last stage,
 * unregistered, `outDepthNs` deep (outputs of earlier stages are delayed to it by registers), and `latency` counts
 * the registers crossed (0 when all the logic fits in the stage the inputs arrive in).
 * `worstStageNs` is the largest logic delay any stage holds (multiplies, a stage each, are not counted).
 */
const REGISTERED = new Set<Cell['op']>(['mul', 'rom']);
type Comb = Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>;

interface Arrival {
  readonly stage: number;
  readonly depth: number;
}

export interface ScheduleOptions {
  /** arrival depth (ns into stage 0) of input signals; others arrive at depth 0 */
  readonly inputDepthNs?: ReadonlyMap<Sig, number>;
  /** register every output at the end (default true) */
  readonly registerOutputs?: boolean;
}

export interface Scheduled {
  readonly outputs: Sig[];
  /** registers crossed from the inputs to the outputs */
  readonly latency: number;
  /** logic depth (ns) the outputs leave with in their stage: 0 when registered */
  readonly outDepthNs: number;
  readonly worstStageNs: number;
}

export function schedule(b: ModuleBuilder, outputs: readonly Sig[], budgetNs: number, options: ScheduleOptions = {}): Scheduled {
  const cells = b.cells.splice(0);
  const arrival = new Map<Sig, Arrival>();
  for (const [s, depth] of options.inputDepthNs ?? []) arrival.set(s, { stage: 0, depth });
  const arrive = (s: Sig): Arrival => arrival.get(s) ?? { stage: 0, depth: 0 };
  const chains = new Map<string, Sig>();
  /** signals that are sums of adders (and wiring of them), for the merged-adder cost */
  const sums = new Set<Sig>();
  /** per-bit LUT cones of small logic in the stage it is computed: distinct leaf inputs, and their latest arrival */
  const cones = new Map<Sig, { stage: number; leaves: number; base: number }>();
  /**
   * The depth of a gate's output when it is packed into LUT6s like ABC does: its cone (its inputs' cones of the same
   * stage, other inputs as single leaves) is one LUT as long as it has at most 6 leaves, else a new LUT level on top.
   */
  const packGate = (c: Comb, stage: number): { depth: number; leaves: number; base: number } => {
    let [leaves, base, top] = [0, 0, 0];
    for (const s of cellInputs(c)) {
      if (b.isConstant(s)) continue;
      const a = arrive(s);
      const d = a.stage === stage ? a.depth : 0;
      // a counter output of a compressor (builder.lutOutput) is a LUT of its own: a leaf
      const k = b.isLutOutput(s) ? undefined : cones.get(s);
      if (k && k.stage === stage) [leaves, base] = [leaves + k.leaves, Math.max(base, k.base)];
      else [leaves, base] = [leaves + (c.op === 'redor' ? s.width : 1), Math.max(base, d)];
      top = Math.max(top, d);
    }
    if (leaves <= 6) return { depth: base + LUT_LEVEL_NS, leaves, base };
    if (c.op === 'redor') return { depth: top + cellDelayNs(c), leaves: 1, base: top };
    return { depth: top + LUT_LEVEL_NS, leaves: cellInputs(c).filter((s) => !b.isConstant(s)).length, base: top };
  };
  // multiplies are placed as late as possible: just before their first consumer (in an ascending accumulation chain
  // this delays the shared inputs instead of every product)
  const pending = new Map<Sig, { cell: Comb; minStage: number; wire: boolean }>();

  let worstStageNs = 0;
  const place = (c: Comb, stage: number, depth: number, cost: number): void => {
    if (c.op !== 'mul') worstStageNs = Math.max(worstStageNs, depth + cost);
    const placed = withInputs(c, (s) => at(s, stage));
    if (REGISTERED.has(c.op)) {
      const comb = b.sig(c.out.width, c.out.signed, `${c.out.name}_c`);
      b.cell({ ...placed, out: comb } as Cell);
      b.reg(comb, { out: c.out });
      arrival.set(c.out, { stage: stage + 1, depth: c.op === 'rom' ? romOutputNs(c.addr.width, c.rom.style) : 0 });
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
      else place(p.cell, st - 1, 0, budgetNs);
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
    const gate = c.op === 'and' || c.op === 'or' || c.op === 'xor' || c.op === 'mux' || c.op === 'redor';
    const costAt = (st: number, d: number): number => {
      if (c.op === 'mul') return budgetNs;
      if (c.op === 'rom') return romReadNs(c.addr.width, c.rom.style);
      if (gate) return packGate(c, st).depth - d;
      // an adder fed by an adder of the same stage costs no second carry chain (timing.ts cellDelayNs)
      return cellDelayNs(c, cellInputs(c).some((s) => sums.has(s) && arrive(s).stage === st && arrive(s).depth > 0));
    };
    let cost = costAt(stage, depth);
    if (depth > 0 && depth + cost > budgetNs + 1e-9) [stage, depth, cost] = [stage + 1, 0, costAt(stage + 1, 0)];
    if (c.op === 'add' || c.op === 'sub' || (cost === 0 && cellInputs(c).some((s) => sums.has(s)))) sums.add(c.out);
    if (gate) cones.set(c.out, { stage, ...packGate(c, stage) });
    else if (cost === 0) {
      // wiring and `not` keep the cone of what they carry
      const k = cellInputs(c).map((s) => cones.get(s)).filter((x) => x !== undefined && x.stage === stage);
      if (k.length > 0) cones.set(c.out, { stage, leaves: Math.max(...k.map((x) => x!.leaves)), base: Math.max(...k.map((x) => x!.base)) });
    }
    const ins = cellInputs(c).filter((s) => !b.isConstant(s));
    if (c.op === 'mul') pending.set(c.out, { cell: c, minStage: stage + 1, wire: false });
    // free wiring (extensions, slices) of a deferred product is deferred with it
    else if (cost === 0 && ins.length > 0 && ins.every((s) => pending.has(s))) pending.set(c.out, { cell: c, minStage: stage, wire: true });
    else place(c, stage, depth, cost);
  }

  for (const [s, p] of [...pending]) at(s, p.minStage);
  const live = outputs.filter((s) => !b.isConstant(s)).map((s) => arrive(s));
  const worst = Math.round(worstStageNs * 1000) / 1000;
  if (options.registerOutputs ?? true) {
    const latency = Math.max(1, ...live.map((a) => a.stage + (a.depth > 0 ? 1 : 0)));
    return { outputs: outputs.map((s) => at(s, latency)), latency, outDepthNs: 0, worstStageNs: worst };
  }
  const latency = Math.max(0, ...live.map((a) => a.stage));
  const outDepthNs = Math.max(0, ...live.filter((a) => a.stage === latency).map((a) => a.depth));
  return { outputs: outputs.map((s) => at(s, latency)), latency, outDepthNs: Math.round(outDepthNs * 1000) / 1000, worstStageNs: worst };
}

function withInputs(c: Comb, f: (s: Sig) => Sig): Comb {
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

import { cellInputs, type Cell, type Sig } from './netlist.ts';

/**
 * A cycle-accurate simulator of the part of a netlist that some signals depend on (their cone of influence, through
 * registers): for the io_stream handshakes, the valid/ready control without the datapath, which is what decides
 * when transfers move. Signals in the cone are at most 32 bits (counters, flags); they are held as unsigned numbers.
 * Registers reset synchronously as the Verilog writer emits them (`if (rst) q <= reset`), start at 0 like
 * Verilator's default.
 */
export interface ControlSim {
  /** set an input of the cone (undriven signal: a top input port) */
  set(s: Sig, v: number): void;
  /** the value of a cone signal in the current cycle (after `settle`) */
  get(s: Sig): number;
  /** evaluate the combinational signals from the registers and the inputs */
  settle(): void;
  /** the rising clock edge: registers take their next values (call after `settle`) */
  clock(): void;
  /** the registers' values (a state snapshot) */
  state(): string;
}

const MAX_WIDTH = 32;

type Comb = Exclude<Cell, { op: 'reg' | 'ram' | 'inst' }>;

/** The cells that `targets` depend on, through registers; throws on a cell it cannot model (instance, memory). */
export function cone(cells: readonly Cell[], targets: readonly Sig[]): { cells: Cell[]; inputs: Sig[] } {
  const driver = new Map<Sig, Cell>();
  for (const c of cells) if (c.op !== 'inst') driver.set(c.out, c);
    else for (const p of c.conns) driver.set(p.sig, driver.get(p.sig) ?? c);
  const seen = new Set<Sig>();
  const used: Cell[] = [];
  const inputs: Sig[] = [];
  const stack = [...targets];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const c = driver.get(s);
    if (!c) {
      inputs.push(s);
      continue;
    }
    if (c.op === 'inst' || c.op === 'ram') throw new Error(`control cone: signal '${s.name}' is driven by a ${c.op}, which the control simulator does not model`);
    if (s.width > MAX_WIDTH) throw new Error(`control cone: signal '${s.name}' is ${s.width} bits, more than ${MAX_WIDTH}`);
    used.push(c);
    stack.push(...cellInputs(c));
  }
  return { cells: used, inputs };
}

export function controlSim(cells: readonly Cell[], targets: readonly Sig[], rst: Sig): ControlSim {
  const { cells: used, inputs } = cone(cells, targets);
  const index = new Map<Sig, number>();
  const at = (s: Sig): number => index.get(s) ?? index.set(s, index.size).get(s)!;
  for (const s of inputs) at(s);
  at(rst);
  const regs = used.filter((c): c is Extract<Cell, { op: 'reg' }> => c.op === 'reg');
  const comb = topological(used.filter((c): c is Comb => c.op !== 'reg' && c.op !== 'ram' && c.op !== 'inst'));
  const roms: (readonly number[])[] = [];
  const lines = comb.map((c) => `v[${at(c.out)}] = ${expr(c, at, roms)};`);
  const settle = new Function('v', 'roms', lines.join('\n')) as (v: Float64Array, r: typeof roms) => void;
  const next = regs.map((c) => {
    const load = c.en ? `(v[${at(c.en)}] ? v[${at(c.d)}] : v[${at(c.out)}])` : `v[${at(c.d)}]`;
    return c.reset === undefined ? load : `(v[${at(rst)}] ? ${Number(c.reset)} : ${load})`;
  });
  const clock = new Function('v', 'n', [...next.map((e, k) => `n[${k}] = ${e};`), ...regs.map((c, k) => `v[${at(c.out)}] = n[${k}];`)].join('\n')) as (v: Float64Array, n: Float64Array) => void;
  const v = new Float64Array(index.size + 1);
  const n = new Float64Array(regs.length);
  const regIndex = regs.map((c) => at(c.out));
  return {
    set: (s, x) => {
      const k = index.get(s);
      if (k !== undefined) v[k] = x;
    },
    get: (s) => {
      const k = index.get(s);
      if (k === undefined) throw new Error(`control sim: '${s.name}' is not in the cone`);
      return v[k];
    },
    settle: () => settle(v, roms),
    clock: () => clock(v, n),
    state: () => regIndex.map((k) => v[k]).join(','),
  };
}

/** Combinational cells ordered so that every cell comes after the drivers of its inputs (registers are sources). */
function topological(cells: readonly Comb[]): Comb[] {
  const driver = new Map<Sig, Comb>(cells.map((c) => [c.out, c]));
  const done = new Set<Comb>();
  const busy = new Set<Comb>();
  const out: Comb[] = [];
  const visit = (root: Comb) => {
    const stack: [Comb, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [c, k] = top;
      if (k === 0) {
        if (done.has(c)) { stack.pop(); continue; }
        busy.add(c);
      }
      const ins = cellInputs(c);
      if (k < ins.length) {
        top[1]++;
        const d = driver.get(ins[k]);
        if (d && !done.has(d)) {
          if (busy.has(d)) throw new Error(`control cone: combinational loop through '${ins[k].name}'`);
          stack.push([d, 0]);
        }
        continue;
      }
      stack.pop();
      busy.delete(c);
      done.add(c);
      out.push(c);
    }
  };
  cells.forEach(visit);
  return out;
}

const mask = (w: number): number => 2 ** w - 1;
/** x (any integer) to w bits, unsigned */
const wrap = (x: string, w: number): string => (w === 32 ? `((${x}) >>> 0)` : `((${x}) & ${mask(w)})`);
/** the value of an unsigned w-bit pattern read as `signed` */
const valueOf = (x: string, s: Sig): string => (s.signed ? `((${x}) >= ${2 ** (s.width - 1)} ? (${x}) - ${2 ** s.width} : (${x}))` : x);

function expr(c: Comb, at: (s: Sig) => number, roms: (readonly number[])[]): string {
  const r = (s: Sig) => `v[${at(s)}]`;
  const w = c.out.width;
  switch (c.op) {
    case 'const':
      return String(Number(BigInt.asUintN(w, c.value)));
    case 'resize':
      return wrap(valueOf(r(c.a), c.a), w);
    case 'slice':
      return wrap(`Math.floor(${r(c.a)} / ${2 ** c.lo})`, w);
    case 'concat': {
      let e = '0';
      for (const p of c.parts) e = `(${e}) * ${2 ** p.width} + ${r(p)}`;
      return e;
    }
    case 'not':
      return `${mask(w)} - ${r(c.a)}`;
    case 'redor':
      return `(${r(c.a)} !== 0 ? 1 : 0)`;
    case 'mux':
      return `(${r(c.sel)} ? ${r(c.a)} : ${r(c.b)})`;
    case 'rom': {
      roms.push(c.rom.words.map((x) => Number(x)));
      return `(roms[${roms.length - 1}][${r(c.addr)}] ?? 0)`;
    }
    case 'add':
      return wrap(`${r(c.a)} + ${r(c.b)}`, w);
    case 'sub':
      return wrap(`${r(c.a)} - ${r(c.b)} + ${2 ** w}`, w);
    case 'mul':
      return wrap(`${valueOf(r(c.a), c.a)} * ${valueOf(r(c.b), c.b)}`, w);
    case 'and':
      return wrap(`${r(c.a)} & ${r(c.b)}`, w);
    case 'or':
      return wrap(`${r(c.a)} | ${r(c.b)}`, w);
    case 'xor':
      return wrap(`${r(c.a)} ^ ${r(c.b)}`, w);
    case 'eq':
    case 'lt':
    case 'gt': {
      const both = c.a.signed && c.b.signed;
      const [a, b] = both ? [valueOf(r(c.a), c.a), valueOf(r(c.b), c.b)] : [r(c.a), r(c.b)];
      return `(${a} ${c.op === 'eq' ? '===' : c.op === 'lt' ? '<' : '>'} ${b} ? 1 : 0)`;
    }
  }
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { cellInputs, type Cell, type Module, type Rom, type Sig } from './netlist.ts';

const TEMPLATE = fileURLToPath(new URL('../../../../templates/rtl/module.v.hbs', import.meta.url));
let render: ((ctx: object) => string) | undefined;

/** The Verilog writer: each netlist cell is one line; the template lays the module out. */
export function writeVerilog(m: Module): string {
  render ??= Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const portNames = new Set(m.ports.map((p) => p.sig.name));
  const driven = new Set(m.cells.map((c) => (c.op === 'inst' ? undefined : c.out)));
  const regs = new Set(m.cells.filter((c) => c.op === 'reg' || c.op === 'ram').map((c) => c.out));
  const mems: string[] = [];
  const assigns: string[] = [];
  const regLines: string[] = [];
  const instances: { module: string; name: string; conns: { port: string; sig: string }[] }[] = [];
  for (const c of m.cells) {
    if (c.op === 'reg') regLines.push(regLine(c));
    else if (c.op === 'ram') {
      mems.push(`reg ${range(c.out)}${c.mem} [0:${c.depth - 1}];`);
      regLines.push(`if (${c.en.name}) begin ${c.out.name} <= ${c.mem}[${c.addr.name}]; ${c.mem}[${c.addr.name}] <= ${c.d.name}; end`);
    }
    else if (c.op === 'inst') instances.push({ module: c.module, name: c.name, conns: c.conns.map((p) => ({ port: p.port, sig: p.sig.name })) });
    else assigns.push(assignLine(c));
  }
  const hasMul = m.cells.some((c) => c.op === 'mul');
  const unused = partlyUnused(m);
  const sink: string[] = [];
  for (let k = 0; k < unused.length; k += 32) sink.push(`wire unused_ok_${k / 32} = &{1'b0, ${unused.slice(k, k + 32).map((s) => s.name).join(', ')}};`);
  return render({
    name: m.name,
    comment: m.comment,
    // a multiply has operands narrower than its product on purpose (DSP-shaped); documented in docs/rtl.md
    lintOff: hasMul ? ['WIDTH'] : [],
    ports: m.ports.map((p, i) => `${p.dir} ${regs.has(p.sig) ? 'reg' : 'wire'} ${range(p.sig)}${p.sig.name}${i < m.ports.length - 1 ? ',' : ''}`),
    decls: m.sigs
      .filter((s) => !portNames.has(s.name) && (driven.has(s) || isInstOutput(m, s)))
      .map((s) => `${regs.has(s) ? 'reg' : 'wire'} ${s.signed ? 'signed ' : ''}${range(s)}${s.name};`)
      .concat(mems),
    roms: m.roms.map((r) => ({ name: r.name, comment: r.comment, attr: r.style ? `(* rom_style = "${r.style}" *) ` : '', msb: r.width - 1, last: r.words.length - 1, file: romFileName(m, r) })),
    assigns: [...assigns, ...sink],
    regs: regLines,
    instances,
  });
}

/**
 * The file a ROM's contents are read from (docs/rtl.md "ROMs"): `$readmemh` of `<module>_<rom>.mem`, written beside
 * the module's .v file. Yosys and Vivado find it there; rtl-sim runs the Verilator model in that folder.
 */
export const romFileName = (m: Module, r: Rom): string => `${m.name}_${r.name}.mem`;

/** The `$readmemh` files of a module: one per ROM, a header comment then one hex word per line (entry 0 first). */
export function romFiles(m: Module): { file: string; text: string }[] {
  return m.roms.map((r) => {
    const digits = Math.ceil(r.width / 4);
    const head = [`// ${romFileName(m, r)}: ROM '${r.name}' of module ${m.name}, ${r.words.length} words of ${r.width} bits, entry 0 first`, `// ${r.comment}`];
    return { file: romFileName(m, r), text: [...head, ...r.words.map((w) => w.toString(16).padStart(digits, '0'))].join('\n') + '\n' };
  });
}

/**
 * Signals some of whose bits no cell reads (a cast drops low bits when it truncates and high bits when it wraps).
 * They are listed in one `unused_ok` sink, the Verilator idiom for "dropped on purpose" (docs/rtl.md).
 */
function partlyUnused(m: Module): Sig[] {
  const used = new Map<Sig, boolean[]>();
  const mark = (s: Sig, lo: number, hi: number) => {
    const bitsOf = used.get(s) ?? used.set(s, new Array<boolean>(s.width).fill(false)).get(s)!;
    for (let i = lo; i < hi; i++) bitsOf[i] = true;
  };
  for (const c of m.cells) {
    if (c.op === 'resize') mark(c.a, 0, Math.min(c.a.width, c.out.width));
    else if (c.op === 'slice') mark(c.a, c.lo, c.lo + c.out.width);
    else for (const s of cellInputs(c)) mark(s, 0, s.width);
  }
  const hasRegs = m.cells.some((c) => c.op === 'reg' || c.op === 'ram');
  for (const p of m.ports) {
    if (p.dir === 'output' || (hasRegs && (p.sig.name === 'clk' || p.sig.name === 'rst'))) mark(p.sig, 0, p.sig.width);
  }
  const declared = new Set([...m.ports.map((p) => p.sig), ...m.cells.flatMap((c) => (c.op === 'inst' ? [] : [c.out]))]);
  return m.sigs.filter((s) => declared.has(s) && !(used.get(s)?.every(Boolean) ?? false));
}

const isInstOutput = (m: Module, s: Sig): boolean => m.cells.some((c) => c.op === 'inst' && c.conns.some((p) => p.sig === s));

const range = (s: Sig): string => (s.width === 1 && !s.signed ? '' : `[${s.width - 1}:0] `);

/** A constant as a sized two's complement literal. */
export function literal(value: bigint, width: number, signed: boolean): string {
  const bits = value & ((1n << BigInt(width)) - 1n);
  return `${width}'${signed ? 's' : ''}h${bits.toString(16)}`;
}

const SYMBOL = { add: '+', sub: '-', mul: '*', and: '&', or: '|', xor: '^', lt: '<', gt: '>', eq: '==' } as const;

function expr(c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>): string {
  switch (c.op) {
    case 'const':
      return literal(c.value, c.out.width, c.out.signed);
    case 'resize': {
      const [w, a] = [c.out.width, c.a];
      if (w <= a.width) return w === a.width ? a.name : bits(a, w - 1, 0);
      const fill = a.signed ? `{${w - a.width}{${bits(a, a.width - 1, a.width - 1)}}}` : `${w - a.width}'h0`;
      return `{${fill}, ${a.name}}`;
    }
    case 'slice':
      return bits(c.a, c.lo + c.out.width - 1, c.lo);
    case 'concat':
      return `{${c.parts.map((p) => p.name).join(', ')}}`;
    case 'not':
      return `~${c.a.name}`;
    case 'redor':
      return `|${c.a.name}`;
    case 'mux':
      return `${c.sel.name} ? ${c.a.name} : ${c.b.name}`;
    case 'rom':
      return `${c.rom.name}[${c.addr.name}]`;
    default:
      return `${c.a.name} ${SYMBOL[c.op]} ${c.b.name}`;
  }
}

/** a[hi:lo], or a[i] for one bit (a 1-bit unsigned signal is written whole). */
function bits(a: Sig, hi: number, lo: number): string {
  if (a.width === 1 && !a.signed) return a.name;
  return hi === lo ? `${a.name}[${hi}]` : `${a.name}[${hi}:${lo}]`;
}

const assignLine = (c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' }>): string => `assign ${c.out.name} = ${expr(c)};`;

function regLine(c: Extract<Cell, { op: 'reg' }>): string {
  const load = c.en ? `if (${c.en.name}) ${c.out.name} <= ${c.d.name};` : `${c.out.name} <= ${c.d.name};`;
  if (c.reset === undefined) return load;
  return `if (rst) ${c.out.name} <= ${literal(c.reset, c.out.width, false)}; else ${load}`;
}

/**
 * A small width-explicit netlist (in the spirit of Amaranth): every signal has an explicit width and signedness,
 * every cell is one primitive. Operands of `add`, `sub`, `lt`, `gt`, `eq`, `mux` have the width of the result (the
 * builder resizes them), so no Verilog width rule is ever relied on; `mul` is the one exception (native operand
 * widths, result width = sum of widths, both signed: a DSP-shaped multiply).
 */
export interface Sig {
  readonly id: number;
  readonly name: string;
  readonly width: number;
  readonly signed: boolean;
}

/** A read-only table of constants (ROM), `width` bits per entry, entries as unsigned bit patterns. */
export interface Rom {
  readonly name: string;
  readonly width: number;
  readonly words: readonly bigint[];
  /** what it holds, for the comment above it */
  readonly comment: string;
  /**
   * Where it is built (docs/rtl.md "ROMs"), written as the array's `rom_style` attribute: 'logic' a LUT ROM read in
   * the stage of its address logic, 'block' a block RAM whose read costs a register stage. Unset: by size (timing.ts).
   */
  readonly style?: 'logic' | 'block';
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor' | 'lt' | 'gt' | 'eq';

export type Cell =
  | { readonly op: 'const'; readonly out: Sig; readonly value: bigint }
  /** sign- (signed a) or zero-extension, or truncation to the low bits */
  | { readonly op: 'resize'; readonly out: Sig; readonly a: Sig }
  /** out.width bits of a starting at bit lo (lo + out.width ≤ a.width) */
  | { readonly op: 'slice'; readonly out: Sig; readonly a: Sig; readonly lo: number }
  /** most significant part first */
  | { readonly op: 'concat'; readonly out: Sig; readonly parts: readonly Sig[] }
  | { readonly op: BinaryOp; readonly out: Sig; readonly a: Sig; readonly b: Sig }
  | { readonly op: 'not' | 'redor'; readonly out: Sig; readonly a: Sig }
  /** sel ? a : b */
  | { readonly op: 'mux'; readonly out: Sig; readonly sel: Sig; readonly a: Sig; readonly b: Sig }
  | { readonly op: 'rom'; readonly out: Sig; readonly addr: Sig; readonly rom: Rom }
  /** out <= d on the rising clock edge; with `en`, only when en; with `reset`, set to it on rst */
  | { readonly op: 'reg'; readonly out: Sig; readonly d: Sig; readonly en?: Sig; readonly reset?: bigint }
  /**
   * A single-port read-first memory of `depth` words of out.width bits (`mem` names its array): when `en`, at the
   * rising edge `out <= mem[addr]` (the old word) and `mem[addr] <= d`. Block-RAM/LUT-RAM shaped (docs/rtl.md).
   */
  | { readonly op: 'ram'; readonly out: Sig; readonly addr: Sig; readonly d: Sig; readonly en: Sig; readonly depth: number; readonly mem: string }
  | { readonly op: 'inst'; readonly module: string; readonly name: string; readonly conns: readonly { port: string; sig: Sig }[] };

export interface Port {
  readonly dir: 'input' | 'output';
  readonly sig: Sig;
}

/** A Verilog module: ports, signals, cells, ROMs, and where it came from. */
export interface Module {
  readonly name: string;
  /** the header comment lines (already sanitized) */
  readonly comment: readonly string[];
  readonly ports: readonly Port[];
  readonly sigs: readonly Sig[];
  readonly cells: readonly Cell[];
  readonly roms: readonly Rom[];
}

export const cellOutput = (c: Cell): Sig | undefined => (c.op === 'inst' ? undefined : c.out);

/** Input signals of a cell (for scheduling and the writer). */
export function cellInputs(c: Cell): Sig[] {
  switch (c.op) {
    case 'const':
      return [];
    case 'resize':
    case 'slice':
    case 'not':
    case 'redor':
      return [c.a];
    case 'concat':
      return [...c.parts];
    case 'mux':
      return [c.sel, c.a, c.b];
    case 'rom':
      return [c.addr];
    case 'reg':
      return c.en ? [c.d, c.en] : [c.d];
    case 'ram':
      return [c.addr, c.d, c.en];
    case 'inst':
      return c.conns.map((p) => p.sig);
    default:
      return [c.a, c.b];
  }
}

/** Minimal two's complement width holding v (signed), at least 1. */
export function signedWidth(v: bigint): number {
  let w = 1;
  while (v < -(1n << BigInt(w - 1)) || v > (1n << BigInt(w - 1)) - 1n) w++;
  return w;
}

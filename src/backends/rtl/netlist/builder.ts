import type { BinaryOp, Cell, Port, Rom, Sig } from './netlist.ts';

/**
 * Builds one module's netlist. Every helper returns a new signal of an explicit width; arithmetic helpers resize
 * their operands to the result width first (sign-extending signed ones), so no bit is lost silently.
 */
export class ModuleBuilder {
  readonly sigs: Sig[] = [];
  readonly cells: Cell[] = [];
  readonly ports: Port[] = [];
  readonly roms: Rom[] = [];
  private readonly consts = new Map<string, Sig>();
  private readonly constValues = new Map<Sig, bigint>();
  private readonly names = new Set<string>();
  /** outputs of logic that is one LUT by construction (`lutOutput`) */
  private readonly lutOutputs = new Set<Sig>();
  /** next free `_<k>` suffix per name (docs/rtl.md "Signal names") */
  private readonly suffixes = new Map<string, number>();

  /**
   * @param prefix the layer's Verilog identifier (names.ts `signalPrefix`): every signal but ports and constants is
   *   named `<prefix>_<hint>`, so a layer's signals keep their layer's name when a tool flattens the design.
   */
  constructor(readonly prefix = '') {}

  /**
   * A fresh signal; `hint` must already be a safe identifier fragment (a hint that already starts with the prefix,
   * e.g. one derived from another signal's name, is not prefixed twice). A name already taken gets the next free
   * `_1`, `_2`, … of that name: the same netlist always gets the same names.
   */
  sig(width: number, signed: boolean, hint = 's'): Sig {
    return this.named(width, signed, this.prefixed(hint));
  }

  private prefixed(hint: string): string {
    const p = this.prefix;
    return p === '' || hint === p || hint.startsWith(`${p}_`) ? hint : `${p}_${hint}`;
  }

  private named(width: number, signed: boolean, base: string): Sig {
    if (!Number.isInteger(width) || width < 1) throw new Error(`signal '${base}': width must be a positive integer, not ${width}`);
    let name = base;
    if (this.names.has(name)) {
      let k = this.suffixes.get(base) ?? 1;
      while (this.names.has(`${base}_${k}`)) k++;
      this.suffixes.set(base, k + 1);
      name = `${base}_${k}`;
    }
    this.names.add(name);
    const s: Sig = { id: this.sigs.length, name, width, signed };
    this.sigs.push(s);
    return s;
  }

  port(dir: 'input' | 'output', name: string, width: number): Sig {
    const s = this.named(width, false, name);
    if (s.name !== name) throw new Error(`port name '${name}' is taken`);
    this.ports.push({ dir, sig: s });
    return s;
  }

  cell(c: Cell): void {
    this.cells.push(c);
  }

  constant(value: bigint, width: number, signed = true): Sig {
    const key = `${value}:${width}:${signed}`;
    let s = this.consts.get(key);
    if (!s) {
      // named by value and width (`c_m3_w5`: −3 in 5 bits; `_u` unsigned), shared by the whole module
      s = this.named(width, signed, `c_${value < 0n ? `m${-value}` : value}_${signed ? 'w' : 'u'}${width}`);
      this.cells.push({ op: 'const', out: s, value });
      this.consts.set(key, s);
      this.constValues.set(s, value);
    }
    return s;
  }

  /**
   * Marks `s` as the output of a small function built to be one LUT6 (a compressor's counter output): the scheduler
   * packs no further logic into its LUT (it is a leaf of the cones that read it).
   */
  lutOutput(s: Sig): Sig {
    this.lutOutputs.add(s);
    return s;
  }

  isLutOutput(s: Sig): boolean {
    return this.lutOutputs.has(s);
  }

  isConstant(s: Sig): boolean {
    return this.constValue(s) !== undefined;
  }

  constValue(s: Sig): bigint | undefined {
    return this.constValues.get(s);
  }

  /** Sign- or zero-extend (by a's signedness) or truncate to `width`; the result has signedness `signed`. */
  resize(a: Sig, width: number, signed = a.signed, hint = `${a.name}_w${width}`): Sig {
    if (a.width === width && a.signed === signed) return a;
    const k = this.constValue(a);
    if (k !== undefined) return this.constant(wrapTo(k, width, signed), width, signed); // extension keeps the value
    const out = this.sig(width, signed, hint);
    this.cells.push({ op: 'resize', out, a });
    return out;
  }

  slice(a: Sig, lo: number, width: number, hint = `${a.name}_b${lo + width - 1}_${lo}`): Sig {
    if (lo === 0 && width === a.width && !a.signed) return a;
    if (lo < 0 || lo + width > a.width) throw new Error(`slice [${lo + width - 1}:${lo}] of '${a.name}' is outside its ${a.width} bits`);
    const k = this.constValue(a);
    if (k !== undefined) return this.constant(wrapTo(k >> BigInt(lo), width, false), width, false);
    const out = this.sig(width, false, hint);
    this.cells.push({ op: 'slice', out, a, lo });
    return out;
  }

  concat(parts: Sig[], signed: boolean, hint = 'cat'): Sig {
    const ks = parts.map((p) => this.constValue(p));
    if (ks.every((k) => k !== undefined)) {
      let v = 0n;
      parts.forEach((p, i) => (v = (v << BigInt(p.width)) | wrapTo(ks[i]!, p.width, false)));
      const w = parts.reduce((n, p) => n + p.width, 0);
      return this.constant(wrapTo(v, w, signed), w, signed);
    }
    const out = this.sig(parts.reduce((n, p) => n + p.width, 0), signed, hint);
    this.cells.push({ op: 'concat', out, parts });
    return out;
  }

  /** a · 2^n as a wider signal (n ≥ 0): append n zero bits. */
  shiftLeft(a: Sig, n: number, hint = `${a.name}_sl${n}`): Sig {
    if (n === 0) return a;
    return this.concat([a, this.constant(0n, n, false)], a.signed, hint);
  }

  binary(op: BinaryOp, a: Sig, b: Sig, width: number, signed: boolean, hint: string = op): Sig {
    const out = this.sig(width, signed, hint);
    if (op === 'mul') {
      this.cells.push({ op, out, a, b });
    } else if (op === 'lt' || op === 'gt' || op === 'eq') {
      const w = Math.max(a.width + (a.signed ? 0 : 1), b.width + (b.signed ? 0 : 1));
      this.cells.push({ op, out, a: this.resize(a, w, true), b: this.resize(b, w, true) });
    } else {
      this.cells.push({ op, out, a: this.resize(a, width, signed), b: this.resize(b, width, signed) });
    }
    return out;
  }

  /** Exact signed sum/difference: one bit wider than the wider (signed) operand. */
  add(a: Sig, b: Sig, hint = 'sum'): Sig {
    return this.binary('add', a, b, Math.max(sw(a), sw(b)) + 1, true, hint);
  }

  sub(a: Sig, b: Sig, hint = 'diff'): Sig {
    return this.binary('sub', a, b, Math.max(sw(a), sw(b)) + 1, true, hint);
  }

  /** Exact signed product: both operands as signed, width = sum of the signed widths. */
  mul(a: Sig, b: Sig, hint = 'prod'): Sig {
    const [sa, sb] = [this.resize(a, sw(a), true), this.resize(b, sw(b), true)];
    return this.binary('mul', sa, sb, sa.width + sb.width, true, hint);
  }

  lt(a: Sig, b: Sig, hint = 'lt'): Sig {
    return this.binary('lt', a, b, 1, false, hint);
  }

  gt(a: Sig, b: Sig, hint = 'gt'): Sig {
    return this.binary('gt', a, b, 1, false, hint);
  }

  eq(a: Sig, b: Sig, hint = 'eq'): Sig {
    return this.binary('eq', a, b, 1, false, hint);
  }

  and(a: Sig, b: Sig, hint = 'and'): Sig {
    return this.binary('and', a, b, 1, false, hint);
  }

  or(a: Sig, b: Sig, hint = 'or'): Sig {
    return this.binary('or', a, b, 1, false, hint);
  }

  xor(a: Sig, b: Sig, hint = 'xor'): Sig {
    return this.binary('xor', a, b, 1, false, hint);
  }

  not(a: Sig, hint = 'not'): Sig {
    const out = this.sig(a.width, a.signed, hint);
    this.cells.push({ op: 'not', out, a });
    return out;
  }

  redor(a: Sig, hint = 'any'): Sig {
    if (a.width === 1 && !a.signed) return a;
    const out = this.sig(1, false, hint);
    this.cells.push({ op: 'redor', out, a });
    return out;
  }

  /** sel ? a : b, both resized to the wider (as signed when either is signed). */
  mux(sel: Sig, a: Sig, b: Sig, hint = 'sel'): Sig {
    const signed = a.signed || b.signed;
    const w = signed ? Math.max(sw(a), sw(b)) : Math.max(a.width, b.width);
    const out = this.sig(w, signed, hint);
    this.cells.push({ op: 'mux', out, sel, a: this.resize(a, w, signed), b: this.resize(b, w, signed) });
    return out;
  }

  rom(rom: Rom, addr: Sig, signed: boolean, hint = 'rd'): Sig {
    if (!this.roms.includes(rom)) this.roms.push(rom);
    const out = this.sig(rom.width, signed, hint);
    this.cells.push({ op: 'rom', out, addr, rom });
    return out;
  }

  reg(d: Sig, opts: { en?: Sig; reset?: bigint; out?: Sig; hint?: string } = {}): Sig {
    const out = opts.out ?? this.sig(d.width, d.signed, opts.hint ?? `${d.name}_q`);
    if (out.width !== d.width) throw new Error(`register '${out.name}' is ${out.width} bits, its input '${d.name}' ${d.width}`);
    this.cells.push({ op: 'reg', out, d, en: opts.en, reset: opts.reset });
    return out;
  }
}

/** Width of s as a signed number (an unsigned signal needs one more bit). */
export const sw = (s: Sig): number => s.width + (s.signed ? 0 : 1);

/** v modulo 2^w, read as a w-bit two's complement (signed) or plain (unsigned) number. */
export function wrapTo(v: bigint, w: number, signed: boolean): bigint {
  const m = 1n << BigInt(w);
  const u = ((v % m) + m) % m;
  return signed && u >= m / 2n ? u - m : u;
}


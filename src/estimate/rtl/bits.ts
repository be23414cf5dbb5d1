import { cellInputs, type Cell, type Module, type Sig } from '../../backends/rtl/netlist/netlist.ts';

/**
 * A module's netlist at bit level, the way Yosys sees it after `flatten; opt`: wiring cells (resize, slice, concat,
 * const) are not hardware, they only say which bit is which. Every signal bit resolves to a constant (ZERO, ONE) or
 * to bit `k` of a logic cell's output (a "node bit"). The estimator counts hardware on node bits.
 */
export const ZERO = -1;
export const ONE = -2;
/** a node bit id (≥ 0) or ZERO / ONE */
export type BitRef = number;

export type LogicCell = Exclude<Cell, { op: 'const' | 'resize' | 'slice' | 'concat' | 'inst' }>;
/** add, sub, mul, gates and comparisons: two operands a and b */
export type BinaryCell = Extract<Cell, { readonly b: Sig }>;

export interface Node {
  readonly cell: LogicCell | undefined; // undefined for an input port
  /** first node bit id of the output */
  readonly base: number;
  readonly width: number;
}

export interface BitNetlist {
  readonly nodes: readonly Node[];
  /** node index of every node bit */
  readonly nodeOfBit: Int32Array;
  bits(s: Sig): BitRef[];
  /** output port bits */
  readonly outputs: readonly BitRef[];
}

export function bitNetlist(m: Module): BitNetlist {
  const driver = new Map<Sig, Cell>();
  for (const c of m.cells) if (c.op !== 'inst') driver.set(c.out, c);
  const nodes: Node[] = [];
  let next = 0;
  const memo = new Map<Sig, BitRef[]>();
  const nodeBits = (cell: LogicCell | undefined, width: number): BitRef[] => {
    nodes.push({ cell, base: next, width });
    const out = Array.from({ length: width }, (_, k) => next + k);
    next += width;
    return out;
  };
  const inputs = new Set(m.ports.filter((p) => p.dir === 'input').map((p) => p.sig));

  const bits = (s: Sig): BitRef[] => {
    const known = memo.get(s);
    if (known) return known;
    const c = driver.get(s);
    let out: BitRef[];
    if (!c || inputs.has(s)) out = nodeBits(undefined, s.width);
    else if (c.op === 'const') out = constBits(c.value, s.width);
    else if (c.op === 'resize') {
      const a = bits(c.a);
      const fill = c.a.signed ? a[a.length - 1] : ZERO;
      out = Array.from({ length: s.width }, (_, k) => (k < a.length ? a[k] : fill));
    } else if (c.op === 'slice') out = bits(c.a).slice(c.lo, c.lo + s.width);
    else if (c.op === 'concat') out = c.parts.slice().reverse().flatMap((p) => bits(p));
    else if (c.op === 'inst') throw new Error('unreachable');
    else if (c.op === 'mul') out = productBits(c as BinaryCell);
    else if (c.op === 'lt' || c.op === 'gt' || c.op === 'eq') out = [decided(c.op, bits(c.a), bits(c.b)) ?? nodeBits(c, 1)[0]];
    else if (c.op === 'mux') out = foldedMux(c, bits(c.sel)[0], bits(c.a), bits(c.b), () => merged(c, s.width, [bits(c.sel), bits(c.a), bits(c.b)]));
    else if (c.op === 'add' || c.op === 'sub' || c.op === 'and' || c.op === 'or' || c.op === 'xor') {
      const [a, b] = [bits(c.a), bits(c.b)];
      // commutative operands in a canonical order
      out = merged(c, s.width, c.op === 'sub' || a.join() <= b.join() ? [a, b] : [b, a]);
    } else if (c.op === 'not') out = merged(c, s.width, [bits(c.a)]);
    else out = nodeBits(c, s.width);
    memo.set(s, out);
    return out;
  };

  /**
   * `opt_merge`: a gate, mux or adder with the same operand bits as one built before is that one (duplicates built by
   * different rows, e.g. the same partial sum in two convolution positions, collapse transitively: operands are
   * already merged bits).
   */
  const cells = new Map<string, BitRef[]>();
  const merged = (c: LogicCell, width: number, operands: readonly BitRef[][]): BitRef[] => {
    const key = `${c.op}:${width}:${operands.map((o) => o.join(',')).join('|')}`;
    let out = cells.get(key);
    if (!out) cells.set(key, (out = nodeBits(c, width)));
    return out;
  };

  /**
   * x · c with a constant c = o · 2^t (o odd): the low t bits are zero and only width(x) + width(o) bits carry
   * information, the rest copy the sign (Yosys's wreduce sees the same).
   */
  const products = new Map<string, BitRef[]>();
  const productBits = (c: BinaryCell): BitRef[] => {
    const [a, b] = [bits(c.a), bits(c.b)];
    const k = constOf(b) ?? constOf(a);
    if (k === undefined) return nodeBits(c, c.out.width);
    const x = constOf(b) === undefined ? b : a;
    // the same signal times the same constant twice is one multiplier (opt_merge)
    const key = `${x.join(',')}*${k}:${c.out.width}`;
    const known = products.get(key);
    if (known) return known;
    const fresh = nodeBits(c, c.out.width);
    products.set(key, fresh);
    if (k === 0n) return fresh.map(() => ZERO);
    let [o, t] = [k, 0];
    while ((o & 1n) === 0n) [o, t] = [o >> 1n, t + 1];
    const significant = Math.min(fresh.length, x.length + bigWidth(o) + t);
    const out = fresh.map((bit, i) => (i < t ? ZERO : i < significant ? bit : fresh[significant - 1]));
    products.set(key, out);
    return out;
  };
  for (const p of m.ports) bits(p.sig);
  for (const c of m.cells) {
    if (c.op !== 'inst') bits(c.out);
    cellInputs(c).forEach(bits);
  }
  const nodeOfBit = new Int32Array(next);
  nodes.forEach((n, i) => nodeOfBit.fill(i, n.base, n.base + n.width));
  // what leaves the module, and what a submodule instance reads, is used
  const instanceBits = m.cells.flatMap((c) => (c.op === 'inst' ? c.conns.flatMap((p) => bits(p.sig)) : []));
  const outputs = [...m.ports.filter((p) => p.dir === 'output').flatMap((p) => bits(p.sig)), ...instanceBits];
  const known = (s: Sig): BitRef[] => {
    const b = memo.get(s);
    if (!b) throw new Error(`signal '${s.name}' is not in module '${m.name}'`);
    return b;
  };
  return { nodes, nodeOfBit, bits: known, outputs };
}

/**
 * `opt_expr`: a mux with a constant select is one of its inputs; a bit equal on both sides is that bit. The node
 * keeps its full width (its bit ids), but folded bits point elsewhere.
 */
function foldedMux(c: LogicCell, sel: BitRef, a: BitRef[], b: BitRef[], fresh: () => BitRef[]): BitRef[] {
  if (sel === ONE) return a;
  if (sel === ZERO) return b;
  if (a.every((x, k) => x === b[k])) return a;
  const own = fresh();
  return own.map((bit, k) => (a[k] === b[k] ? a[k] : bit));
}

/**
 * A comparison whose answer the operands' bits already fix (ranges that do not overlap): a constant, as Yosys's
 * `opt_expr`/ABC find it. `a` and `b` are signed vectors of the same width.
 */
function decided(op: 'lt' | 'gt' | 'eq', a: readonly BitRef[], b: readonly BitRef[]): BitRef | undefined {
  const [ra, rb] = [range(a), range(b)];
  const lt = ra.hi < rb.lo ? ONE : ra.lo >= rb.hi ? ZERO : undefined;
  const gt = ra.lo > rb.hi ? ONE : ra.hi <= rb.lo ? ZERO : undefined;
  if (op === 'lt') return lt;
  if (op === 'gt') return gt;
  if (ra.lo === ra.hi && rb.lo === rb.hi) return ra.lo === rb.lo ? ONE : ZERO;
  return ra.hi < rb.lo || rb.hi < ra.lo ? ZERO : undefined;
}

/** The smallest and largest value a signed bit vector can take (unknown bits free, repeated sign bits tied). */
function range(x: readonly BitRef[]): { lo: bigint; hi: bigint } {
  let w = x.length;
  while (w > 1 && x[w - 1] === x[w - 2]) w--;
  let [lo, hi] = [0n, 0n];
  for (let k = 0; k < w; k++) {
    const weight = k === w - 1 ? -(1n << BigInt(k)) : 1n << BigInt(k);
    if (x[k] === ONE) [lo, hi] = [lo + weight, hi + weight];
    else if (x[k] !== ZERO) [lo, hi] = weight < 0n ? [lo + weight, hi] : [lo, hi + weight];
  }
  return { lo, hi };
}

function constBits(v: bigint, width: number): BitRef[] {
  return Array.from({ length: width }, (_, k) => (((v >> BigInt(k)) & 1n) === 1n ? ONE : ZERO));
}

export const isConst = (b: BitRef): boolean => b < 0;

/** The signed value of an all-constant bit vector, or undefined. */
export function constOf(bits: readonly BitRef[]): bigint | undefined {
  if (!bits.every(isConst)) return undefined;
  let v = 0n;
  bits.forEach((b, k) => (v |= b === ONE ? 1n << BigInt(k) : 0n));
  return bits[bits.length - 1] === ONE ? v - (1n << BigInt(bits.length)) : v;
}

function bigWidth(v: bigint): number {
  let w = 1;
  while (v < -(1n << BigInt(w - 1)) || v > (1n << BigInt(w - 1)) - 1n) w++;
  return w;
}

import type { Cell, Sig } from '../../src/backends/rtl/netlist/netlist.ts';

/**
 * A BigInt evaluator of a combinational netlist (no registers), written from the cell definitions in
 * src/backends/rtl/netlist/netlist.ts: every signal's value is its bits read as two's complement (signed) or plain
 * binary. Cells must come in dependency order (as a ModuleBuilder creates them, before scheduling).
 */
export function evaluate(cells: readonly Cell[], inputs: ReadonlyMap<Sig, bigint>): Map<Sig, bigint> {
  const v = new Map<Sig, bigint>();
  for (const [s, x] of inputs) v.set(s, read(raw(x, s.width), s));
  const get = (s: Sig): bigint => {
    const x = v.get(s);
    if (x === undefined) throw new Error(`signal '${s.name}' is read before it is driven`);
    return x;
  };
  for (const c of cells) {
    switch (c.op) {
      case 'const':
        v.set(c.out, read(raw(c.value, c.out.width), c.out));
        break;
      case 'resize':
        v.set(c.out, read(raw(get(c.a), c.out.width), c.out));
        break;
      case 'slice':
        v.set(c.out, read(raw(raw(get(c.a), c.a.width) >> BigInt(c.lo), c.out.width), c.out));
        break;
      case 'concat': {
        let bits = 0n;
        for (const p of c.parts) bits = (bits << BigInt(p.width)) | raw(get(p), p.width);
        v.set(c.out, read(bits, c.out));
        break;
      }
      case 'add':
      case 'sub':
      case 'mul': {
        const [a, b] = [get(c.a), get(c.b)];
        v.set(c.out, read(raw(c.op === 'add' ? a + b : c.op === 'sub' ? a - b : a * b, c.out.width), c.out));
        break;
      }
      case 'lt':
      case 'gt':
      case 'eq': {
        const [a, b] = [get(c.a), get(c.b)];
        v.set(c.out, (c.op === 'lt' ? a < b : c.op === 'gt' ? a > b : a === b) ? 1n : 0n);
        break;
      }
      case 'and':
      case 'or':
      case 'xor': {
        const [a, b] = [raw(get(c.a), c.out.width), raw(get(c.b), c.out.width)];
        v.set(c.out, read(c.op === 'and' ? a & b : c.op === 'or' ? a | b : a ^ b, c.out));
        break;
      }
      case 'not':
        v.set(c.out, read(raw(~get(c.a), c.out.width), c.out));
        break;
      case 'redor':
        v.set(c.out, raw(get(c.a), c.a.width) !== 0n ? 1n : 0n);
        break;
      case 'mux':
        v.set(c.out, read(raw(raw(get(c.sel), c.sel.width) !== 0n ? get(c.a) : get(c.b), c.out.width), c.out));
        break;
      default:
        throw new Error(`evaluate: '${c.op}' cells are not combinational logic this evaluator knows`);
    }
  }
  return v;
}

/** x mod 2^w as w plain bits */
const raw = (x: bigint, w: number): bigint => ((x % (1n << BigInt(w))) + (1n << BigInt(w))) % (1n << BigInt(w));
/** w plain bits read with the signal's signedness */
const read = (bits: bigint, s: Sig): bigint => (s.signed && bits >= 1n << BigInt(s.width - 1) ? bits - (1n << BigInt(s.width)) : bits);

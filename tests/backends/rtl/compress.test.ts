import { describe, expect, it } from 'vitest';
import { chooseCompressor, tree } from '../../../src/backends/rtl/layers/accumulate.ts';
import { columnTimes, compressorShape, compressSum } from '../../../src/backends/rtl/layers/compress.ts';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import type { Sig } from '../../../src/backends/rtl/netlist/netlist.ts';
import { mulberry32 } from '../../../src/data/random-inputs.ts';
import { fixedType } from '../../../src/fixed/index.ts';
import { evaluate } from '../../helpers/netlist-eval.ts';

/**
 * Property: the carry-save compressor (layers/compress.ts) is an exact rewrite of the sum: on random operand counts,
 * widths, signs and constants, the netlist's value (BigInt evaluation of its cells) is Σ operands + constant mod
 * 2^width, on the extremes and random inputs; and an accumulation tree built as a compressor equals the same tree
 * built of carry adders, bit for bit.
 */
const pick = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const mod = (v: bigint, w: number) => ((v % (1n << BigInt(w))) + (1n << BigInt(w))) % (1n << BigInt(w));

function inputsFor(rnd: () => number, ports: readonly { port: Sig; lo: bigint; hi: bigint }[], s: number): Map<Sig, bigint> {
  return new Map(
    ports.map(({ port, lo, hi }) => {
      const v = s === 0 ? lo : s === 1 ? hi : lo + BigInt(Math.floor(rnd() * Number(hi - lo + 1n)));
      return [port, mod(v, port.width)];
    }),
  );
}

describe('carry-save compressor', () => {
  it('sums random signed and non-negative operands (random arrival times) plus a constant exactly, mod 2^width (61 seeds)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 61; seed++) {
      const rnd = mulberry32(seed);
      const b = new ModuleBuilder('t');
      const n = pick(rnd, 2, seed % 5 === 0 ? 70 : 24);
      const ports = Array.from({ length: n }, (_, k) => {
        const w = pick(rnd, 1, 20);
        const nonNegative = w > 1 && rnd() < 0.3;
        const port = b.port('input', `x${k}`, w);
        const sig = b.resize(port, w, true, `x${k}_s`);
        const h = 1n << BigInt(w - 1);
        return { port, sig, nonNegative, lo: nonNegative ? 0n : -h, hi: h - 1n };
      });
      const width = pick(rnd, 2, 30);
      const constant = BigInt(pick(rnd, -(2 ** 20), 2 ** 20));
      // random arrival times: late operands enter later counter levels
      const out = compressSum(b, ports.map((p) => ({ sig: p.sig, nonNegative: p.nonNegative, arrivalNs: [0, 0, 0.75, 1.45, 2.9][pick(rnd, 0, 4)] })), constant, width, 'cs');
      expect(out.width).toBe(width);
      for (let s = 0; s < 12; s++) {
        const ins = inputsFor(rnd, ports, s);
        const v = evaluate(b.cells, ins);
        const want = ports.reduce((acc, p) => acc + v.get(p.sig)!, constant);
        expect(mod(v.get(out)!, width), `seed ${seed}, input ${s}`).toBe(mod(want, width));
        checked++;
      }
    }
    expect(checked).toBe(61 * 12);
  });

  it('builds the same accumulation as the adder tree, bit for bit, exact-width and wrapping (40 seeds)', () => {
    for (let seed = 100; seed < 140; seed++) {
      const rnd = mulberry32(seed);
      const b = new ModuleBuilder('t');
      const n = pick(rnd, 2, 40);
      const accum = fixedType(pick(rnd, 6, 26), 0, { signed: rnd() < 0.8 });
      const ports = Array.from({ length: n }, (_, k) => {
        const w = pick(rnd, 2, 16);
        const port = b.port('input', `x${k}`, w);
        const h = 1n << BigInt(w - 1);
        return { port, fx: { sig: b.resize(port, w, true, `x${k}_s`), frac: 0 }, lo: -h, hi: h - 1n };
      });
      const init = { sig: b.constant(BigInt(pick(rnd, -1000, 1000)), accum.width + 1, true), frac: 0 };
      const ranges = rnd() < 0.8 ? ports.map((p, k) => ({ lo: p.lo, hi: p.hi, late: k % 7 === 3 })) : undefined;
      const terms = ports.map((p) => p.fx);
      const adders = tree(b, init, terms, accum, 'a', { ranges, form: 'adders' });
      const csa = tree(b, init, terms, accum, 'c', { ranges, form: 'compressor' });
      expect(csa.sig.width).toBe(adders.sig.width);
      for (let s = 0; s < 8; s++) {
        const v = evaluate(b.cells, inputsFor(rnd, ports, s));
        expect(v.get(csa.sig), `seed ${seed}, input ${s}`).toBe(v.get(adders.sig));
      }
    }
  });

  it('is priced as Yosys maps it (6:3 counters two LUT levels), so the adder tree stays the faster form', () => {
    const times = (n: number, w: number) => columnTimes(Array(n).fill({ width: w }), 0n, w + Math.ceil(Math.log2(n)));
    // 32 terms: 6:3 counter levels (two LUT levels each) then full adders (one): no earlier than a tree's 5 adder levels
    expect(compressorShape(times(32, 12)).rowsNs).toBeGreaterThanOrEqual(3 * 0.9 + 2 * 0.45 - 1e-9);
    expect(chooseCompressor(Array(32).fill({ width: 12, arrivalNs: 0 }), times(32, 12), 17)).toBe(false);
    expect(chooseCompressor(Array(2).fill({ width: 12, arrivalNs: 0 }), times(2, 12), 13)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fromRowMax, PARALLEL_MAX_ROW } from '../../../src/backends/rtl/layers/row-max.ts';
import { castSum, shallowSumExact } from '../../../src/backends/rtl/layers/saturating-sum.ts';
import { clampIndex, floorShift } from '../../../src/backends/rtl/layers/tables.ts';
import { variableProduct } from '../../../src/backends/rtl/layers/variable-product.ts';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import type { Fx } from '../../../src/backends/rtl/netlist/fx.ts';
import type { Sig } from '../../../src/backends/rtl/netlist/netlist.ts';
import { mulberry32 } from '../../../src/data/random-inputs.ts';
import { fixedType, fracBits, OVERFLOW_MODES, QUANT_MODES, quantizeScaledBig, reduceTree, type FixedType, type ReduceTree } from '../../../src/fixed/index.ts';
import { evaluate } from '../../helpers/netlist-eval.ts';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

/** n signed input signals of `width` bits on the 2^−frac grid, each on a port of its own. */
function inputs(b: ModuleBuilder, n: number, width: number, frac: number): { ports: Sig[]; xs: Fx[] } {
  const ports = Array.from({ length: n }, (_, i) => b.port('input', `x${i}`, width));
  return { ports, xs: ports.map((p) => ({ sig: b.resize(p, width, true), frac })) };
}

/** Q_acc after every add, literally (src/fixed's cast on the common grid): the chain from 0, or the reduce tree. */
function literalSum(terms: bigint[], frac: number, acc: FixedType, order: 'chain' | ReduceTree): bigint {
  const fa = fracBits(acc);
  const g = Math.max(fa, frac);
  const add = (a: bigint, fA: number, c: bigint, fC: number) => quantizeScaledBig((a << BigInt(g - fA)) + (c << BigInt(g - fC)), g, acc);
  if (order === 'chain') return terms.reduce((s, t) => add(s, fa, t, frac), 0n);
  const node = (t: ReduceTree): [bigint, number] => (typeof t === 'number' ? [terms[t], frac] : [add(...node(t[0]), ...node(t[1])), fa]);
  return node(order)[0];
}

describe('a saturating sum of non-negative terms as one tree and one cast (saturating-sum.ts)', () => {
  it('equals the literal chain and tree on random types, terms and modes, saturation included', () => {
    const rnd = mulberry32(13);
    let [shallow, saturated, compared] = [0, 0, 0];
    for (let trial = 0; trial < 400; trial++) {
      const acc = fixedType(int(rnd, 2, 12), int(rnd, -2, 8), { signed: rnd() < 0.8, quant: pick(rnd, QUANT_MODES), overflow: pick(rnd, OVERFLOW_MODES) });
      if (acc.overflow === 'AP_WRAP_SM' && !acc.signed) continue;
      const n = int(rnd, 1, 9);
      const width = int(rnd, 2, 12);
      // mostly on the accumulator's grid or coarser (the rewrite applies), sometimes finer (it must not)
      const frac = fracBits(acc) - int(rnd, -1, 3);
      const nonNegative = rnd() < 0.85;
      const order = rnd() < 0.5 ? ('chain' as const) : reduceTree(n);
      const b = new ModuleBuilder();
      const { ports, xs } = inputs(b, n, width, frac);
      const sum = castSum(b, xs, acc, order, nonNegative, 's');
      if (shallowSumExact(xs, acc, nonNegative)) shallow++;
      const top = 2n ** BigInt(width - 1);
      for (let s = 0; s < 12; s++) {
        // large terms first (to saturate), then random ones
        const terms = xs.map(() => (nonNegative ? (s < 3 ? top - 1n - BigInt(int(rnd, 0, Math.min(2, Number(top) - 1))) : BigInt(Math.floor(rnd() * Number(top)))) : BigInt(Math.floor(rnd() * Number(2n * top))) - top));
        const v = evaluate(b.cells, new Map(ports.map((p, i) => [p, terms[i]])));
        const want = literalSum(terms, frac, acc, order);
        const exact = terms.reduce((a, t) => a + t, 0n);
        if (frac <= fracBits(acc) && exact << BigInt(fracBits(acc) - frac) > quantizeScaledBig(exact, frac, acc)) saturated++;
        expect(v.get(sum.sig), `trial ${trial}: acc ${JSON.stringify(acc)}, terms ${terms.join(' ')} (frac ${frac}), ${JSON.stringify(order)}`).toBe(want);
        expect(sum.frac).toBe(typeof order === 'number' ? frac : fracBits(acc));
        compared++;
      }
    }
    expect(shallow).toBeGreaterThan(100);
    expect(saturated).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(3000);
  });

  it('keeps the steps where one tree would differ: finer terms, negative terms, AP_SAT_ZERO', () => {
    const t = (frac: number): Fx[] => [{ sig: { id: 0, name: 'a', width: 8, signed: true }, frac }];
    const acc = fixedType(8, 4, { quant: 'AP_RND', overflow: 'AP_SAT' });
    expect(shallowSumExact(t(4), acc, true)).toBe(true);
    expect(shallowSumExact(t(5), acc, true)).toBe(false);
    expect(shallowSumExact(t(4), acc, false)).toBe(false);
    expect(shallowSumExact(t(4), { ...acc, overflow: 'AP_SAT_ZERO' }, true)).toBe(false);
    expect(shallowSumExact(t(4), { ...acc, overflow: 'AP_WRAP' }, false)).toBe(true);
  });
});

describe('f(max − x_i) for every element of a row (row-max.ts)', () => {
  it('equals clamp(floor((max − x_i) · 2^k)) on random rows with ties, one-stage and tree forms', () => {
    const rnd = mulberry32(5);
    let rows = 0;
    for (let trial = 0; trial < 60; trial++) {
      const n = trial < 10 ? int(rnd, PARALLEL_MAX_ROW + 1, PARALLEL_MAX_ROW + 3) : int(rnd, 1, PARALLEL_MAX_ROW);
      const [width, frac, k, bits] = [int(rnd, 3, 12), int(rnd, -1, 6), int(rnd, -1, 4), int(rnd, 1, 6)];
      const b = new ModuleBuilder();
      const { ports, xs } = inputs(b, n, width, frac);
      const ys = fromRowMax(b, xs, (d, h) => clampIndex(b, floorShift(b, d, k, `f${h}`), 2 ** bits, `a${h}`), b.constant(0n, bits, false), 'r');
      const top = 2 ** (width - 1);
      for (let s = 0; s < 20; s++) {
        // a few distinct values, so that maxima tie
        const levels = Array.from({ length: int(rnd, 1, 4) }, () => int(rnd, -top, top - 1));
        const x = Array.from({ length: n }, () => BigInt(pick(rnd, levels)));
        const v = evaluate(b.cells, new Map(ports.map((p, i) => [p, x[i]])));
        const mx = x.reduce((a, c) => (c > a ? c : a));
        const want = x.map((xi) => {
          const d = mx - xi; // on the 2^−frac grid; floor(d · 2^(k − frac))
          const f = k - frac >= 0 ? d << BigInt(k - frac) : d >> BigInt(frac - k);
          return f > BigInt(2 ** bits - 1) ? BigInt(2 ** bits - 1) : f;
        });
        expect(ys.map((y) => v.get(y)), `trial ${trial}: x ${x.join(' ')}, frac ${frac}, k ${k}`).toEqual(want);
        rows++;
      }
    }
    expect(rows).toBe(1200);
  });
});

describe('clampIndex', () => {
  it('is clamp(v, 0, n − 1) for signed and unsigned signals of any width', () => {
    for (const signed of [true, false])
      for (let width = 1; width <= 7; width++)
        for (let bits = 0; bits <= 4; bits++) {
          const b = new ModuleBuilder();
          const p = b.port('input', 'v', width);
          const y = clampIndex(b, b.resize(p, width, signed), 2 ** bits, 'a');
          const lo = signed ? -(2 ** (width - 1)) : 0;
          for (let v = lo; v < lo + 2 ** width; v++) expect(evaluate(b.cells, new Map([[p, BigInt(v)]])).get(y), `${signed} ${width} ${bits} ${v}`).toBe(BigInt(Math.min(Math.max(v, 0), 2 ** bits - 1)));
        }
  });
});

describe('a product of two signals in LUTs or on a DSP (variable-product.ts)', () => {
  it('is exact; with DspCost none it is a shift-add array (no multiply cell), with DSPs free a multiply cell', () => {
    const rnd = mulberry32(9);
    for (let trial = 0; trial < 40; trial++) {
      const [wx, wy] = [int(rnd, 4, 13), int(rnd, 4, 13)];
      for (const dspCost of [Infinity, 0]) {
        const b = new ModuleBuilder();
        const px = b.port('input', 'x', wx);
        const py = b.port('input', 'y', wy);
        const x = { fx: { sig: b.resize(px, wx, true), frac: 3 }, nonNegative: false };
        const y = { fx: { sig: b.resize(py, wy, true), frac: 2 }, nonNegative: true };
        const p = variableProduct(b, x, y, dspCost, 'p');
        const muls = b.cells.filter((c) => c.op === 'mul').length;
        expect(muls).toBe(dspCost === Infinity ? 0 : 1);
        expect(p.frac).toBe(5);
        for (let s = 0; s < 20; s++) {
          const xv = BigInt(int(rnd, -(2 ** (wx - 1)), 2 ** (wx - 1) - 1));
          const yv = BigInt(s === 0 ? 2 ** (wy - 1) - 1 : int(rnd, 0, 2 ** (wy - 1) - 1));
          expect(evaluate(b.cells, new Map([[px, xv], [py, yv]])).get(p.sig)).toBe(xv * yv);
        }
      }
    }
  });
});

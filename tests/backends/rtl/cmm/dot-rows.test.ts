import { describe, expect, it } from 'vitest';
import { ModuleBuilder } from '../../../../src/backends/rtl/netlist/builder.ts';
import { parallelRow } from '../../../../src/backends/rtl/layers/dot-rows.ts';
import type { DenseConstants } from '../../../../src/backends/rtl/layers/dense-constants.ts';
import { unpack } from '../../../../src/backends/rtl/layers/ports.ts';
import { mulberry32 } from '../../../../src/data/random-inputs.ts';
import { accumulation, fracBits, parseFixedType, quantizeScaledBig, type FixedType } from '../../../../src/fixed/index.ts';
import { evaluate } from '../../../helpers/netlist-eval.ts';

/**
 * Property: the reuse-factor-1 dot rows (shift-add and DSP products chosen by cost, shared subexpressions, exactly
 * wide adder trees) compute exactly the contract's accumulation, checked on the netlist itself (BigInt evaluation)
 * against an oracle written from docs/arithmetic.md: acc = Q_accum(bq); acc = Q_accum(acc + x_i·w_ij) ascending;
 * Q_result(acc); and under Arithmetic: hls4ml, acc = Q_accum(acc + Q_accum(x_i·w_ij)).
 */
const QUANT = ['AP_TRN', 'AP_RND', 'AP_RND_MIN_INF', 'AP_RND_CONV', 'AP_TRN_ZERO'];
const OVERFLOW = ['AP_WRAP', 'AP_WRAP', 'AP_SAT', 'AP_SAT_SYM'];

function randomType(rnd: () => number, o: { minWidth: number; maxWidth: number; modes?: boolean; unsigned?: boolean }): FixedType {
  const w = o.minWidth + Math.floor(rnd() * (o.maxWidth - o.minWidth + 1));
  const i = Math.floor(rnd() * (w + 3)) - 2;
  const u = o.unsigned && rnd() < 0.3 ? 'u' : '';
  const modes = o.modes ? `,${QUANT[Math.floor(rnd() * QUANT.length)]},${OVERFLOW[Math.floor(rnd() * OVERFLOW.length)]}` : '';
  return parseFixedType(`ap_${u}fixed<${w},${i}${modes}>`);
}

/** A weight mantissa of type t: zeros, ±2^k, the extremes and random values. */
function randomWeight(rnd: () => number, t: FixedType): number {
  const [lo, hi] = [-(2 ** (t.width - 1)), 2 ** (t.width - 1) - 1];
  const r = rnd();
  if (r < 0.2) return 0;
  if (r < 0.35) return (rnd() < 0.5 ? -1 : 1) * 2 ** Math.floor(rnd() * (t.width - 1));
  if (r < 0.4) return rnd() < 0.5 ? lo : hi;
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

const q = (m: bigint, frac: number, t: FixedType) => quantizeScaledBig(m, frac, t);

function oracle(k: DenseConstants, x: (bigint | undefined)[], xFrac: number, hls4ml: boolean): bigint[] {
  const [fa, fw] = [fracBits(k.accum), fracBits(k.weightType)];
  return Array.from({ length: k.nOut }, (_, j) => {
    let acc = BigInt(k.accInit[j]);
    x.forEach((xi, i) => {
      const w = k.weight[i * k.nOut + j];
      if (xi === undefined || w === 0) return;
      if (hls4ml) return void (acc = q(acc + q(xi * BigInt(w), xFrac + fw, k.accum), fa, k.accum));
      const f = Math.max(fa, xFrac + fw);
      acc = q((acc << BigInt(f - fa)) + ((xi * BigInt(w)) << BigInt(f - xFrac - fw)), f, k.accum);
    });
    return q(acc, fa, k.result);
  });
}

function check(seed: number, dspCost: number, hls4ml = false): { rows: number; values: number; muls: number; adders: number } {
  const rnd = mulberry32(seed);
  const [nIn, nOut] = [1 + Math.floor(rnd() * 7), 1 + Math.floor(rnd() * 9)];
  const xType = randomType(rnd, { minWidth: 2, maxWidth: 18, unsigned: true });
  const weightType = randomType(rnd, { minWidth: 2, maxWidth: 16 });
  const accum = randomType(rnd, { minWidth: 4, maxWidth: 28, modes: true, unsigned: true });
  const result = randomType(rnd, { minWidth: 3, maxWidth: 16, modes: true, unsigned: true });
  const accLo = accum.signed ? -(2 ** (accum.width - 1)) : 0;
  const k: DenseConstants = {
    nIn,
    nOut,
    weight: Array.from({ length: nIn * nOut }, () => randomWeight(rnd, weightType)),
    weightType,
    accInit: Array.from({ length: nOut }, () => accLo + Math.floor(rnd() * 2 ** accum.width)),
    accum,
    result,
    ...accumulation(accum, hls4ml),
  };
  const b = new ModuleBuilder();
  const port = b.port('input', 'x', nIn * xType.width);
  const xs = unpack(b, port, nIn, xType).map((x) => (rnd() < 0.15 ? undefined : x));
  const ys = parallelRow(b, { xs, k, hint: '', dspCost });
  const xLo = xType.signed ? -(2n ** BigInt(xType.width - 1)) : 0n;
  const span = 2n ** BigInt(xType.width);
  let values = 0;
  for (let s = 0; s < 16; s++) {
    // the extremes first, then random inputs
    const x = Array.from({ length: nIn }, () => (s === 0 ? xLo : s === 1 ? xLo + span - 1n : xLo + BigInt(Math.floor(rnd() * Number(span)))));
    const packed = x.reduce((acc, v, i) => acc | (((v % span) + span) % span) << BigInt(i * xType.width), 0n);
    const v = evaluate(b.cells, new Map([[port, packed]]));
    const got = ys.map((y) => v.get(y)!);
    const want = oracle(k, x.map((xi, i) => (xs[i] ? xi : undefined)), fracBits(xType), hls4ml);
    expect(got, `seed ${seed}, input ${x.join(' ')}, x ${JSON.stringify(xType)}, w ${k.weight.join(' ')}, accum ${JSON.stringify(accum)}`).toEqual(want);
    values += got.length;
  }
  // multiplies Yosys puts on DSP slices (products of 9 bits or more); narrower ones stay small LUT multipliers
  const muls = b.cells.filter((c) => c.op === 'mul' && c.a.width + c.b.width >= 9).length;
  const adders = b.cells.filter((c) => c.op === 'add' || c.op === 'sub').length;
  return { rows: 1, values, muls, adders };
}

describe('constant matrix-vector products at reuse factor 1', () => {
  it('equal the contract bit for bit on random rows, types, rounding and overflow modes, with the default DSP cost', () => {
    let values = 0;
    for (let seed = 1; seed <= 60; seed++) values += check(seed, 55).values;
    expect(values).toBeGreaterThan(60 * 16);
  });

  it('equal the contract bit for bit with no DSP at all, and then build no multiply a DSP slice would take', () => {
    let [values, muls] = [0, 0];
    for (let seed = 1000; seed <= 1040; seed++) {
      const r = check(seed, Infinity);
      [values, muls] = [values + r.values, muls + r.muls];
    }
    expect(values).toBeGreaterThan(40 * 16);
    expect(muls).toBe(0);
  });

  it('equal the contract bit for bit when every product that can be is a multiply cell', () => {
    let muls = 0;
    for (let seed = 2000; seed <= 2025; seed++) muls += check(seed, 0).muls;
    expect(muls).toBeGreaterThan(0);
  });

  it("equal hls4ml's per-product cast bit for bit (Arithmetic: hls4ml) on random rows, types, rounding and overflow modes", () => {
    let values = 0;
    for (let seed = 3000; seed <= 3060; seed++) values += check(seed, 55, true).values;
    expect(values).toBeGreaterThan(60 * 16);
  });
});

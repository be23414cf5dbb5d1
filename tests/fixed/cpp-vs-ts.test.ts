import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fixedType,
  formatFixedType,
  fracBits,
  OVERFLOW_MODES,
  productType,
  QUANT_MODES,
  quantizeDouble,
  quantizeScaled,
  sumType,
  type FixedType,
} from '../../src/fixed/index.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { build, DRIVER_DIR, hasGxx, run, typeTableUnits } from './cpp/gxx.ts';

/** Every small type: W ≤ 8, I from −3 to W + 3, both signednesses, every mode (AP_WRAP_SM only when signed). */
function smallTypes(): FixedType[] {
  const types: FixedType[] = [];
  for (let width = 1; width <= 8; width++) {
    for (let integer = -3; integer <= width + 3; integer++) {
      for (const signed of [true, false]) {
        for (const quant of QUANT_MODES) {
          for (const overflow of OVERFLOW_MODES) {
            if (!signed && overflow === 'AP_WRAP_SM') continue;
            types.push(fixedType(width, integer, { signed, quant, overflow }));
          }
        }
      }
    }
  }
  return types;
}

/** The grid of grid-main.cpp: x = k·LSB/8 for k = −K … K, K = 2^(W + 4 − [signed]) (±2× the largest magnitude). */
const gridHalf = (t: FixedType): number => 2 ** (t.width + 4 - (t.signed ? 1 : 0));

/** A small deterministic generator (the values need not be random, only varied). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** An exact sum of mantissas: a·2^−fa + b·2^−fb as a mantissa at max(fa, fb) fractional bits. */
const alignedSum = (a: number, fa: number, b: number, fb: number): { m: number; frac: number } => {
  const frac = Math.max(fa, fb);
  return { m: a * 2 ** (frac - fa) + b * 2 ** (frac - fb), frac };
};

const gxx = hasGxx();
if (!gxx) console.warn('SKIPPED: g++ not found, hls/ap_fixed.h is not compared with the TypeScript cast');

describe('hls/ap_fixed.h agrees with the TypeScript fixed-point core', () => {
  const types = smallTypes();
  let grid: Int16Array = new Int16Array(0);
  let arith = '';
  const pairs: [number, number][] = [];
  const steps: [number, number][] = [];
  const dir = tempDirForFile('cpp-vs-ts');

  beforeAll(async () => {
    if (!gxx) return;
    const gridExe = join(dir, 'grid');
    const arithExe = join(dir, 'arith');
    const units = typeTableUnits(dir, join(DRIVER_DIR, 'grid-types.cpp'), types.map(formatFixedType), 8);
    await Promise.all([
      build([{ source: join(DRIVER_DIR, 'grid-main.cpp') }, ...units], gridExe),
      build([{ source: join(DRIVER_DIR, 'arith-main.cpp') }], arithExe),
    ]);
    run(gridExe, '', [join(dir, 'grid.bin')]);
    const bytes = readFileSync(join(dir, 'grid.bin'));
    grid = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);

    const next = lcg(12345);
    for (let i = 0; i < 2000; i++) pairs.push([(next() - 0.5) * 40, next() * 10 - 1]);
    for (let i = 0; i < 2000; i++) steps.push([(next() - 0.5) * 10, (next() - 0.5) * 3]);
    const input = [`${pairs.length}`, ...pairs.map((p) => p.join(' ')), `${steps.length}`, ...steps.map((s) => s.join(' '))];
    arith = run(arithExe, input.join('\n') + '\n');
  });

  it.skipIf(!gxx)('casts every grid value of every small type exactly like quantizeDouble', () => {
    const bad: string[] = [];
    let at = 0;
    for (const t of types) {
      const half = gridHalf(t);
      const step = 2 ** -(fracBits(t) + 3);
      for (let k = -half; k <= half; k++, at++) {
        const want = quantizeDouble(k * step, t);
        if (grid[at] !== want && bad.length < 20) bad.push(`${formatFixedType(t)}: ${k * step} → ${grid[at]}, want ${want}`);
      }
    }
    console.log(`cpp vs ts: ${types.length} types, ${at} values, ${bad.length} mismatches (first 20 listed)`);
    expect(at).toBe(grid.length);
    expect(bad).toEqual([]);
  });

  it.skipIf(!gxx)('computes exact products, sums and differences with the vendor result types', () => {
    const A = fixedType(13, 5, { quant: 'AP_RND', overflow: 'AP_SAT' });
    const B = fixedType(11, 3, { signed: false, quant: 'AP_RND_CONV' });
    const [fa, fb] = [fracBits(A), fracBits(B)];
    const lines = arith.trim().split('\n');
    const bad: string[] = [];
    pairs.forEach(([xa, xb], i) => {
      const a = quantizeDouble(xa, A);
      const b = quantizeDouble(xb, B);
      const want = [a, b, a * b, alignedSum(a, fa, b, fb).m, alignedSum(a, fa, -b, fb).m, alignedSum(-a, fa, b, fb).m];
      if (lines[i] !== want.join(' ')) bad.push(`${xa}, ${xb}: ${lines[i]}, want ${want.join(' ')}`);
    });
    expect(bad.slice(0, 10)).toEqual([]);
    const resultTypes = lines.slice(-4);
    const described = (t: FixedType): string => `${t.width} ${t.integer} ${t.signed ? 1 : 0}`;
    const sum = sumType(A, B);
    const X = fixedType(10, 3);
    const Wt = fixedType(8, 1, { quant: 'AP_RND_ZERO', overflow: 'AP_SAT' });
    expect(resultTypes).toEqual([
      described(productType(A, B)),
      described(sum),
      described({ ...sum, signed: true }),
      described(productType(X, Wt)),
    ]);
  });

  it.skipIf(!gxx)('accumulates acc += x * w into a rounding, saturating accumulator like quantizeScaled', () => {
    const Acc = fixedType(18, 8, { quant: 'AP_RND', overflow: 'AP_SAT' });
    const X = fixedType(10, 3);
    const Wt = fixedType(8, 1, { quant: 'AP_RND_ZERO', overflow: 'AP_SAT' });
    let acc = quantizeDouble(0.5, Acc);
    const want: number[] = [];
    for (const [xx, xw] of steps) {
      const p = quantizeDouble(xx, X) * quantizeDouble(xw, Wt);
      const s = alignedSum(acc, fracBits(Acc), p, fracBits(X) + fracBits(Wt));
      acc = quantizeScaled(s.m, s.frac, Acc);
      want.push(acc);
    }
    const got = arith.trim().split('\n')[pairs.length].trim().split(' ').map(Number);
    const saturated = want.filter((m) => Math.abs(m) >= 2 ** 17 - 1).length;
    console.log(`cpp vs ts accumulator: ${want.length} steps, ${saturated} at saturation`);
    expect(got).toEqual(want);
  });
});

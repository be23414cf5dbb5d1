import { describe, expect, it } from 'vitest';
import { mergeAccumType } from '../../../../src/backends/hls/emitters/exact-type.ts';
import { writeHlsProject } from '../../../../src/backends/hls/index.ts';
import { fracBits, rangeOfBig, type FixedType } from '../../../../src/fixed/index.ts';
import type { MergeOp } from '../../../../src/ir/layers.ts';
import { dag } from '../../../emulator/build-graph.ts';
import { thrown } from '../../../helpers/thrown.ts';
import { fx, projectConfig } from '../graph-builders.ts';

/** Interval [lo, hi] of mantissas on grid f. */
type Interval = { lo: bigint; hi: bigint; f: number };
const up = (m: bigint, from: number, to: number) => m << BigInt(to - from);
const of = (t: FixedType): Interval => ({ ...(({ min, max }) => ({ lo: min, hi: max }))(rangeOfBig(t)), f: fracBits(t) });

function step(op: MergeOp, r: Interval, x: Interval): Interval {
  if (op === 'multiply') {
    const c = [r.lo * x.lo, r.lo * x.hi, r.hi * x.lo, r.hi * x.hi];
    return { lo: c.reduce((a, b) => (b < a ? b : a)), hi: c.reduce((a, b) => (b > a ? b : a)), f: r.f + x.f };
  }
  const f = Math.max(r.f, x.f);
  const [rl, rh, xl, xh] = [up(r.lo, r.f, f), up(r.hi, r.f, f), up(x.lo, x.f, f), up(x.hi, x.f, f)];
  if (op === 'subtract') return { lo: rl - xh, hi: rh - xl, f };
  if (op === 'maximum' || op === 'minimum') return { lo: rl < xl ? rl : xl, hi: rh > xh ? rh : xh, f };
  return { lo: rl + xl, hi: rh + xh, f };
}

function contains(t: FixedType, v: Interval): boolean {
  const F = fracBits(t);
  if (F < v.f) return false;
  const { min, max } = rangeOfBig(t);
  return up(v.lo, v.f, F) >= min && up(v.hi, v.f, F) <= max;
}

const TYPES = ['ap_fixed<10,3>', 'ap_ufixed<9,4>', 'ap_fixed<6,8>', 'ap_fixed<8,-1>', 'ap_ufixed<5,-2>', 'ap_fixed<14,6>'].map(fx);
const OPS: MergeOp[] = ['add', 'subtract', 'multiply', 'average', 'maximum', 'minimum'];

describe('mergeAccumType', () => {
  it('holds every partial result of every op, whatever the order of the input types (negative F, negative I, unsigned)', () => {
    for (const op of OPS)
      for (let i = 0; i < TYPES.length; i++)
        for (let j = 0; j < TYPES.length; j++)
          for (let k = 0; k < TYPES.length; k++) {
            const types = [TYPES[i], TYPES[j], TYPES[k]];
            const acc = mergeAccumType(op, types);
            let r = of(types[0]);
            expect(contains(acc, r)).toBe(true);
            for (const t of types.slice(1)) {
              r = step(op, r, of(t));
              expect(contains(acc, r), `${op} ${types.map((t) => `${t.width},${t.integer}`).join(' ')}`).toBe(true);
            }
          }
  });

  it('refuses a merge whose exact result would not fit the 128-bit ap_types', () => {
    const wide = 'ap_fixed<50,10>';
    const graph = dag([
      { kind: 'input', name: 'x', shape: [2], precision: { result: wide } },
      { kind: 'linear', name: 'a', shape: [2], precision: { result: wide } },
      { kind: 'linear', name: 'b', shape: [2], from: ['x'], precision: { result: wide } },
      { kind: 'merge', name: 'big product', op: 'multiply', shape: [2], from: ['x', 'a', 'b'], precision: { result: 'ap_fixed<16,6>' } },
    ]);
    // the accumulator (100 bits) fits, but its product with the third input (150 bits) would not
    const e = thrown(() => writeHlsProject(graph, projectConfig('p', '/nonexistent/never-written'), '/nonexistent/never-written', { inputs: new Float64Array(0), predictions: new Float64Array(0), batch: 0 }));
    expect(e.code).toBe('bad-precision');
    expect(e.message).toBe("layer 'big product' (merge): not a valid fixed-point type: the exact multiply of the inputs must fit 128 bits, not ap_fixed<150,30>");
  });
});

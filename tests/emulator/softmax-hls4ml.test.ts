import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { fracBits, parseFixedType, quantizeDouble, type FixedType } from '../../src/fixed/index.ts';
import type { SoftmaxImplementation } from '../../src/fixed/index.ts';
import { chain, randomArray, rng } from './build-graph.ts';
import { argmaxRow, legacyRow, topBitsRow } from './softmax-reference-hls4ml.ts';

/**
 * hls4ml's softmax implementations in the emulator against the independent BigInt reference of
 * softmax-reference-hls4ml.ts, over types that make every step matter: narrow saturating and rounding accumulators
 * (the sum order), inputs whose max − x wraps in the norm type, unsigned inputs, small and shrunk tables.
 */
const T = parseFixedType;
interface Case {
  input: string;
  expTable: string;
  invTable: string;
  accum: string;
  result: string;
  size: number;
  n: number;
  scale: number;
}
const CASES: Record<string, Case> = {
  "hls4ml's defaults on the jet tagger's types": { input: 'ap_fixed<16,6>', expTable: 'ap_fixed<18,8,AP_RND,AP_SAT>', invTable: 'ap_fixed<18,8,AP_RND,AP_SAT>', accum: 'ap_fixed<21,11>', result: 'ap_fixed<16,6>', size: 1024, n: 5, scale: 40 },
  'a narrow saturating, rounding accumulator over 7 elements': { input: 'ap_fixed<10,4>', expTable: 'ap_ufixed<10,1,AP_RND,AP_SAT>', invTable: 'ap_fixed<12,4,AP_RND,AP_SAT>', accum: 'ap_fixed<9,3,AP_RND,AP_SAT>', result: 'ap_ufixed<8,0,AP_RND,AP_SAT>', size: 256, n: 7, scale: 9 },
  'an exp table that wraps 1 to −1 and a saturating accumulator (the tree order matters)': { input: 'ap_fixed<10,4>', expTable: 'ap_fixed<10,1>', invTable: 'ap_fixed<12,4,AP_RND,AP_SAT>', accum: 'ap_fixed<8,2,AP_RND,AP_SAT>', result: 'ap_fixed<10,3,AP_RND>', size: 256, n: 7, scale: 3 },
  'an unsigned input with a table larger than its width allows for stable': { input: 'ap_ufixed<8,3>', expTable: 'ap_fixed<14,4,AP_RND,AP_SAT>', invTable: 'ap_fixed<14,6,AP_RND,AP_SAT>', accum: 'ap_fixed<16,6>', result: 'ap_fixed<12,2,AP_RND>', size: 128, n: 3, scale: 8 },
  'a signed 8-bit input that shrinks the exp table to 128 entries': { input: 'ap_fixed<8,4>', expTable: 'ap_fixed<18,8,AP_RND,AP_SAT>', invTable: 'ap_fixed<18,8,AP_RND,AP_SAT>', accum: 'ap_fixed<20,10>', result: 'ap_fixed<16,6>', size: 1024, n: 4, scale: 10 },
};

function run(impl: SoftmaxImplementation, c: Case, rows: number, seed: number) {
  const x = randomArray(rng(seed), rows * c.n, c.scale);
  const tableSize = impl === 'latency' ? Math.min(c.size, 2 ** T(c.input).width) : c.size;
  const g = chain([
    { kind: 'input', name: 'x', shape: [c.n], precision: { result: c.input } },
    { kind: 'softmax', name: 'sm', shape: [c.n], tableSize, implementation: impl, precision: { exp_table: c.expTable, inv_table: c.invTable, accum: c.accum, result: c.result } },
  ]);
  const y = emulate(g, x, rows).output;
  const input = T(c.input);
  const xm = Array.from(x, (v) => BigInt(quantizeDouble(v, input)));
  return { y, xm, tableSize, result: T(c.result) };
}

const asMantissas = (y: Float64Array, t: FixedType) => Array.from(y, (v) => BigInt(v * 2 ** fracBits(t)));

describe("hls4ml's stable and latency softmax", () => {
  for (const [name, c] of Object.entries(CASES))
    for (const impl of ['stable', 'latency'] as const)
      it(`${impl} equals the BigInt reference on 300 random rows: ${name}`, () => {
        const { y, xm, tableSize, result } = run(impl, c, 300, 11);
        const types = { input: T(c.input), expTable: T(c.expTable), invTable: T(c.invTable), accum: T(c.accum), result, size: tableSize };
        const expected: bigint[] = [];
        for (let r = 0; r < 300; r++) expected.push(...topBitsRow(xm.slice(r * c.n, (r + 1) * c.n), types, impl === 'stable'));
        expect(asMantissas(y, result)).toEqual(expected);
      });
});

describe("hls4ml's legacy and argmax softmax", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`legacy equals the BigInt reference on 200 random rows: ${name}`, () => {
      const { y, xm, result } = run('legacy', c, 200, 5);
      const expected: bigint[] = [];
      for (let r = 0; r < 200; r++) expected.push(...legacyRow(xm.slice(r * c.n, (r + 1) * c.n), T(c.input), result, c.size < 64 ? 64 : c.size));
      expect(asMantissas(y, result)).toEqual(expected);
    });
    it(`argmax is the one-hot of the first maximum: ${name}`, () => {
      const { y, xm, result } = run('argmax', c, 200, 9);
      const expected: bigint[] = [];
      for (let r = 0; r < 200; r++) expected.push(...argmaxRow(xm.slice(r * c.n, (r + 1) * c.n), result));
      expect(asMantissas(y, result)).toEqual(expected);
    });
  }
});

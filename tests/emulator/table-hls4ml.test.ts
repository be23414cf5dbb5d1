import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { fracBits, parseFixedType, quantizeDouble } from '../../src/fixed/index.ts';
import { chain, randomArray, rng } from './build-graph.ts';

/**
 * hls4ml's sigmoid and tanh (Arithmetic: hls4ml) in the emulator against a reference written from hls4ml's semantics:
 * index = C's int of x · N/R (toward zero) + N/2, clamped; table at the left bin edges.
 */
const T = parseFixedType;

function reference(kind: 'sigmoid' | 'tanh', x: number, n: number, input: string, table: string, result: string): number {
  const range = kind === 'sigmoid' ? 16 : 8;
  const m = BigInt(quantizeDouble(x, T(input)));
  // BigInt division truncates toward zero, like C's int of an ap_fixed
  let i = Number((m * BigInt(n)) / (BigInt(range) << BigInt(fracBits(T(input))))) + n / 2;
  i = Math.min(Math.max(i, 0), n - 1);
  const at = Math.fround((range * (i - n / 2)) / n);
  const f = kind === 'sigmoid' ? Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-at)))) : Math.tanh(at);
  const tq = quantizeDouble(f, T(table)) * 2 ** -fracBits(T(table));
  return quantizeDouble(tq, T(result)) * 2 ** -fracBits(T(result));
}

describe("hls4ml's sigmoid and tanh tables", () => {
  for (const kind of ['sigmoid', 'tanh'] as const)
    for (const [input, table, result, n] of [
      ['ap_fixed<16,6>', 'ap_fixed<18,8,AP_RND,AP_SAT>', 'ap_fixed<16,6>', 1024],
      ['ap_fixed<9,5>', 'ap_ufixed<8,1,AP_RND,AP_SAT>', 'ap_fixed<6,2,AP_RND>', 64],
    ] as const)
      it(`${kind} over ${input} with ${n} entries equals the reference on 2000 random inputs, negative ones included`, () => {
        const x = randomArray(rng(17), 2000, 12);
        const g = chain([
          { kind: 'input', name: 'x', shape: [4], precision: { result: input } },
          { kind, name: 'act', shape: [4], tableSize: n, tableIndexing: 'hls4ml', precision: { table, result } },
        ]);
        const y = emulate(g, x, 500).output;
        expect(Array.from(y)).toEqual(Array.from(x, (v) => reference(kind, v, n, input, table, result)));
      });
});

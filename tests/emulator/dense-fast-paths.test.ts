import { tensor } from '../../src/ir/tensor.ts';
import { describe, expect, it } from 'vitest';
import { emulate, KERNELS } from '../../src/emulator/index.ts';
import { fixedType, OVERFLOW_MODES, QUANT_MODES, type FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { LayerOf } from '../../src/ir/layers.ts';
import { chain, randomArray, randomType, rng } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

/**
 * The dense kernel has three implementations (32-bit SIMD lanes, 53-bit numbers, BigInt) chosen per layer from the
 * precisions. Random precisions — every accumulator quantization and overflow mode, narrow accumulators that
 * overflow on most terms, wide ones that need BigInt — must all give the oracle's values and overflow counts.
 */
interface Case {
  input: FixedType;
  weight: FixedType;
  accum: FixedType;
  result: FixedType;
}

function graphOf(random: () => number, c: Case, nIn: number, nOut: number): Graph {
  return chain([
    { kind: 'input', name: 'x', shape: [nIn], precision: { result: c.input } },
    {
      kind: 'dense', name: 'fc', shape: [nOut], nIn, nOut, precision: { weight: c.weight, bias: c.weight, accum: c.accum, result: c.result },
      weights: randomArray(random, nIn * nOut, 2 ** (c.weight.integer - 1), 0.15),
      bias: randomArray(random, nOut, 2 ** (c.accum.integer - 1)),
    },
  ]);
}

const variantOf = (g: Graph): string | undefined => {
  const [input, fc] = g.layers as [LayerOf<'input'>, LayerOf<'dense'>];
  return KERNELS.dense.fixed(fc, [tensor(input.shape, input.precision.result)], { stats: () => ({ overflows: 0 }) }).variant;
};

function expectOracle(g: Graph, inputs: Float64Array, batch: number): void {
  const got = emulate(g, inputs, batch);
  const want = referenceEmulate(g, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  expect(got.overflowsByVar).toEqual(want.overflowsByVar);
}

describe('dense fast paths against the BigInt oracle', () => {
  for (const quant of QUANT_MODES) {
    for (const overflow of OVERFLOW_MODES) {
      it(`matches the oracle with a ${quant}/${overflow} accumulator, narrow and moderate, on every path taken`, () => {
        const random = rng(QUANT_MODES.indexOf(quant) * 16 + OVERFLOW_MODES.indexOf(overflow) + 1);
        for (let trial = 0; trial < 6; trial++) {
          const narrow = trial % 2 === 0;
          const c: Case = {
            input: randomType(random, [4, 16]),
            weight: randomType(random, [3, 14]),
            accum: randomType(random, narrow ? [3, 8] : [10, 30], quant, overflow),
            result: randomType(random, [3, 20]),
          };
          const g = graphOf(random, c, 1 + Math.floor(random() * 13), 1 + Math.floor(random() * 11));
          const nIn = (g.layers[1] as LayerOf<'dense'>).nIn;
          const batch = 3 + Math.floor(random() * 20);
          expectOracle(g, randomArray(random, batch * nIn, 2 ** c.input.integer), batch);
        }
      });
    }
  }

  it('takes the SIMD path for every overflow mode but AP_WRAP_SM, and for any rounding when products are on the accum grid', () => {
    const at = (accum: string, input = 'ap_fixed<16,6>', weight = 'ap_fixed<16,6>') =>
      variantOf(chain([
        { kind: 'input', name: 'x', shape: [3], precision: { result: input } },
        { kind: 'dense', name: 'fc', shape: [2], nIn: 3, nOut: 2, weights: new Float64Array(6).fill(0.5), bias: new Float64Array(2), precision: { accum, weight } },
      ]));
    for (const o of ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM']) {
      for (const q of ['AP_TRN', 'AP_RND', 'AP_RND_MIN_INF']) expect(at(`ap_fixed<16,6,${q},${o}>`)).toBe('simd');
      expect(at(`ap_ufixed<16,6,AP_TRN,${o}>`)).toBe('simd');
    }
    expect(at('ap_fixed<16,6,AP_TRN,AP_WRAP_SM>')).toBe('number');
    for (const q of ['AP_TRN_ZERO', 'AP_RND_ZERO', 'AP_RND_INF', 'AP_RND_CONV']) {
      expect(at(`ap_fixed<16,6,${q}>`)).toBe('number'); // the rounding depends on the sign or parity of acc + x·w
      expect(at(`ap_fixed<24,6,${q}>`, 'ap_fixed<10,4>', 'ap_fixed<8,2>')).toBe('simd'); // F_x + F_w ≤ F_acc: no rounding
    }
    expect(at('ap_fixed<40,12>')).toBe('number'); // wider than 31 bits
    expect(at('ap_fixed<64,24>', 'ap_fixed<30,10>', 'ap_fixed<30,2>')).toBe('bigint');
  });

  it('counts every wrap of a tiny accumulator that overflows on most terms, on the SIMD path', () => {
    const random = rng(7);
    for (const overflow of ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM'] as const) {
      for (const quant of ['AP_TRN', 'AP_RND', 'AP_RND_MIN_INF'] as const) {
        const c: Case = {
          input: fixedType(12, 4, { quant: 'AP_RND' }),
          weight: fixedType(10, 2, { quant: 'AP_RND' }),
          accum: fixedType(5, 2, { quant, overflow }),
          result: fixedType(6, 3, { quant: 'AP_RND', overflow: 'AP_SAT' }),
        };
        const g = graphOf(random, c, 24, 9);
        expect(variantOf(g)).toBe('simd');
        const inputs = randomArray(random, 50 * 24, 7);
        expectOracle(g, inputs, 50);
        expect(emulate(g, inputs, 50).overflowsByVar.fc?.accum ?? 0).toBeGreaterThan(50 * 9);
      }
    }
  });

  it('matches the oracle with accumulators wider than 53 bits (BigInt path)', () => {
    const random = rng(11);
    for (let trial = 0; trial < 8; trial++) {
      const c: Case = {
        input: randomType(random, [20, 32]),
        weight: randomType(random, [20, 32]),
        accum: randomType(random, [54, 72]),
        result: randomType(random, [8, 24]),
      };
      const g = graphOf(random, c, 6, 5);
      expect(variantOf(g)).toBe('bigint');
      expectOracle(g, randomArray(random, 10 * 6, 2 ** c.input.integer), 10);
    }
  });

  it('runs batches over several chunks, counting constant overflows once per run', () => {
    const random = rng(5);
    const c: Case = {
      input: fixedType(14, 5, { quant: 'AP_RND' }),
      weight: fixedType(6, 1, { quant: 'AP_RND', overflow: 'AP_SAT' }), // weights up to ±1 saturate
      accum: fixedType(12, 4, { quant: 'AP_TRN', overflow: 'AP_WRAP' }),
      result: fixedType(10, 4, { quant: 'AP_RND', overflow: 'AP_SAT' }),
    };
    const g = graphOf(random, c, 10, 13);
    expect(variantOf(g)).toBe('simd');
    const batch = 333; // three chunks, the last one partial and odd
    expectOracle(g, randomArray(random, batch * 10, 12), batch);
  });
});

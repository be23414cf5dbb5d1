import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { accumulation, OVERFLOW_MODES, QUANT_MODES } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { chain, randomArray, randomType, rng } from './build-graph.ts';
import { convGraph, variantOf } from './conv-helpers.ts';
import { referenceEmulate } from './reference.ts';

/**
 * `Arithmetic: hls4ml` (layer.accumulation = 'hls4ml'): each product is cast to accum before it is added. Dense,
 * conv and depthwise_conv against the BigInt oracle (tests/emulator/reference.ts, written from docs/arithmetic.md),
 * for every accumulator quantization and overflow mode, narrow accumulators that overflow on most terms.
 */
const hls4ml = (g: Graph): Graph => ({ ...g, layers: g.layers.map((l) => (l.kind === 'input' ? l : ({ ...l, accumulation: 'hls4ml' } as Layer))) });

function denseGraph(random: () => number, quant: (typeof QUANT_MODES)[number], overflow: (typeof OVERFLOW_MODES)[number], narrow: boolean): Graph {
  const [nIn, nOut] = [1 + Math.floor(random() * 12), 1 + Math.floor(random() * 9)];
  const [input, weight] = [randomType(random, [4, 14]), randomType(random, [3, 12])];
  const accum = randomType(random, narrow ? [4, 9] : [10, 24], quant, overflow);
  return chain([
    { kind: 'input', name: 'x', shape: [nIn], precision: { result: input } },
    {
      kind: 'dense', name: 'fc', shape: [nOut], nIn, nOut, precision: { weight, bias: weight, accum, result: randomType(random, [3, 16]) },
      weights: randomArray(random, nIn * nOut, 2 ** (weight.integer - 1), 0.15),
      bias: randomArray(random, nOut, 2 ** (accum.integer - 1)),
    },
  ]);
}

/** Values always; overflow counts where the per-product path runs (elsewhere the counts are the exact chain's). */
function expectOracle(g: Graph, inputs: Float64Array, batch: number): { differs: boolean } {
  const got = emulate(g, inputs, batch);
  const want = referenceEmulate(g, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  const layer = g.layers[1];
  if (accumulation(layer.precision.accum!, true).castProducts) {
    expect(variantOf(g)).toBe('cast-products');
    expect(got.overflowsByVar).toEqual(want.overflowsByVar);
  }
  const exact = referenceEmulate({ ...g, layers: g.layers.map((l) => ({ ...l, accumulation: undefined }) as Layer) }, inputs, batch);
  return { differs: exact.output.some((v, i) => v !== want.output[i]) };
}

describe("hls4ml's per-product cast in the emulator", () => {
  for (const quant of QUANT_MODES) {
    it(`matches the oracle for dense, conv and depthwise_conv with ${quant} accumulators and every overflow mode`, () => {
      const random = rng(QUANT_MODES.indexOf(quant) + 101);
      let differs = 0;
      for (const overflow of OVERFLOW_MODES) {
        for (let trial = 0; trial < 4; trial++) {
          const g = hls4ml(denseGraph(random, quant, overflow, trial % 2 === 0));
          const nIn = g.layers[0].shape[0];
          differs += +expectOracle(g, randomArray(random, 12 * nIn, 4), 12).differs;
        }
        const t = { input: randomType(random, [4, 10]), weight: randomType(random, [3, 8]), accum: randomType(random, [4, 9], quant, overflow), result: randomType(random, [3, 10]) };
        const window = { kernel: [3, 2], padding: 'same' as const };
        for (const kind of ['conv', 'depthwise_conv'] as const) {
          const g = hls4ml(convGraph(kind, [4, 3, 2], window, t, random, 2));
          differs += +expectOracle(g, randomArray(random, 5 * 24, 4), 5).differs;
        }
      }
      // the cast has teeth: hlsforge's exact chain gives other values in some of these layers (not with AP_TRN: it
      // commutes with the accumulation, and only saturation is then order-sensitive)
      if (quant !== 'AP_TRN' && quant !== 'AP_RND' && quant !== 'AP_RND_MIN_INF') expect(differs).toBeGreaterThan(0);
    });
  }

  it('takes the fast paths when the cast changes nothing (a commuting rounding with AP_WRAP), the exact per-product path otherwise', () => {
    const random = rng(5);
    const at = (quant: (typeof QUANT_MODES)[number], overflow: (typeof OVERFLOW_MODES)[number]) => variantOf(hls4ml(denseGraph(random, quant, overflow, false)));
    expect(at('AP_RND', 'AP_WRAP')).not.toBe('cast-products');
    expect(at('AP_TRN', 'AP_WRAP')).not.toBe('cast-products');
    expect(at('AP_RND', 'AP_SAT')).toBe('cast-products');
    expect(at('AP_RND_CONV', 'AP_WRAP')).toBe('cast-products');
  });
});

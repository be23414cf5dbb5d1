import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { fracBits, parseFixedType, type FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { LayerSettings } from '../../src/config/project-config.ts';
import { estimateRtl } from '../../src/estimate/index.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const P = parseFixedType;

/**
 * Property test of the constant matrix-vector products (shift-add or DSP by cost, shared subexpressions, exactly wide
 * adder trees) in Verilator: weights drawn as mantissas of their type with many zeros, ±2^k, negatives and extremes;
 * one layer accumulates on a grid coarser than its products (every product truncated), one on an exact grid, one in
 * the order-dependent chain (saturating accum) over an unsigned input. Every output bit equals the emulator's.
 */
const LAYERS: Record<string, LayerSettings> = {
  dense_1: { precision: { weight: P('ap_fixed<14,3>'), accum: P('ap_fixed<16,6>'), result: P('ap_fixed<12,5,AP_RND,AP_SAT>') } },
  relu_1: { precision: { result: P('ap_ufixed<9,4,AP_RND,AP_SAT>') } },
  dense_2: { precision: { weight: P('ap_fixed<7,2>'), accum: P('ap_fixed<24,10>'), result: P('ap_fixed<10,4,AP_RND_CONV,AP_SAT_SYM>') } },
  relu_2: { precision: { result: P('ap_ufixed<8,3>') } },
  dense_3: { precision: { weight: P('ap_fixed<10,3>'), accum: P('ap_fixed<13,5,AP_RND,AP_SAT>'), result: P('ap_fixed<12,5>') } },
};

/** Weights as exact values of their type: 25 % zero, 20 % ±2^k, 5 % the extremes, the rest uniform mantissas. */
function withWeights(g: Graph, seed: number): Graph {
  const rnd = mulberry32(seed);
  return {
    ...g,
    layers: g.layers.map((l) => {
      if (l.kind !== 'dense') return l;
      const t = LAYERS[l.name].precision!.weight as FixedType;
      const [lo, hi, f] = [-(2 ** (t.width - 1)), 2 ** (t.width - 1) - 1, fracBits(t)];
      const mantissa = () => {
        const r = rnd();
        if (r < 0.25) return 0;
        if (r < 0.45) return (rnd() < 0.5 ? -1 : 1) * 2 ** Math.floor(rnd() * (t.width - 1));
        if (r < 0.5) return rnd() < 0.5 ? lo : hi;
        return lo + Math.floor(rnd() * (hi - lo + 1));
      };
      return { ...l, weights: Float64Array.from(l.weights, () => mantissa() * 2 ** -f) };
    }),
  };
}

// Strategy: Resource keeps the cost model's DSP products (Strategy: Latency drops those that would delay a layer, which
// here is all of them: the jet tagger tests run that path)
const CASES = [
  { name: 'the default cost model under Strategy: Resource (DSP slices and shift-adds)', dspCost: undefined, strategy: 'resource' as const, slow: false },
  { name: 'no DSP (DspCost: none)', dspCost: Infinity, strategy: 'latency' as const, slow: true },
];

describe('constant matrix-vector products in Verilator', () => {
  for (const c of CASES) {
    const skip = !hasVerilator || (c.slow && process.env.HLSFORGE_SLOW !== '1');
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      it.skipIf(skip)('equal the emulator bit for bit on 300 seeded random inputs, with the latency and II planned', async () => {
        const g = { ...withWeights(mlpGraph([5, 8, 6, 3], { seed: 11, last: 'linear' }), 5), name: `cmm ${c.name}` };
        const layerName = Object.fromEntries(Object.entries(LAYERS).map(([k, v]) => [k, { ...v, strategy: c.strategy }]));
        const config = { ...configFor({ layerName }), dspCost: c.dspCost };
        r = await simulate(g, config, 300, 2, 3);
        // both kinds of constant multiplier are exercised by the default, none is a DSP without DSPs
        const dsp = estimateRtl(r.graph, config).total.dsp;
        if (c.dspCost === undefined) expect(dsp).toBeGreaterThan(0);
        else expect(dsp).toBe(0);
        expect(r.sim.firstMismatches).toEqual([]);
        expect(r.sim.mismatches).toBe(0);
        expect(r.sim.outputsCompared).toBe(300 * 3);
        expect(Math.min(...distinctPerOutput(r.predictions, 3))).toBeGreaterThan(10);
        expect(r.sim.latencyCycles).toBe(r.plan.latencyCycles);
        expect(r.sim.ii).toBe(1);
      }, 600_000);
    });
  }
});

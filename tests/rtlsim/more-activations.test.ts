import { afterAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { SELU_ALPHA, SELU_SCALE, type Layer } from '../../src/ir/layers.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const P = parseFixedType;
const base = { precision: { result: P('ap_fixed<16,6>') }, reuseFactor: 1, strategy: 'latency' as const };
const N = 6;

/** input(N) → the given layers, each fed by the previous one. */
function chainGraph(name: string, layers: { kind: Layer['kind']; name: string; [field: string]: unknown }[]): Graph {
  const all: Layer[] = [{ ...base, kind: 'input', name: 'in', inputs: [], shape: [N] }];
  for (const l of layers) all.push({ ...base, ...l, inputs: [all[all.length - 1].name], shape: [N] } as Layer);
  return { name, layers: all, outputs: [all[all.length - 1].name] };
}

/**
 * Several activations per Verilator build (a build costs most of the time). Each chain keeps the values of the
 * earlier layers visible in the final output for most inputs (wide result types, the later layers injective or
 * linear over the earlier layers' output range), so a difference in any layer shows.
 */
const CASES: { name: string; graph: Graph; layerName?: Record<string, object>; sigma?: number; minDistinct: number }[] = [
  {
    name: 'hard_tanh, prelu, thresholded_relu, hard_sigmoid',
    graph: chainGraph('exact_acts', [
      { kind: 'hard_tanh', name: 'ht' },
      { kind: 'prelu', name: 'pr', alpha: Float64Array.from([0.25, -0.5, 1.5, 0.125, 0, 0.3]) },
      { kind: 'thresholded_relu', name: 'tr', theta: -0.2 },
      { kind: 'hard_sigmoid', name: 'hs', alpha: 0.2, beta: 0.5 },
    ]),
    layerName: {
      ht: { precision: { result: P('ap_fixed<14,2,AP_RND,AP_SAT>') } },
      pr: { precision: { param: P('ap_fixed<8,2,AP_RND>'), result: P('ap_fixed<22,3>') } },
      tr: { precision: { result: P('ap_fixed<20,3,AP_RND_CONV,AP_SAT>') } },
      hs: { precision: { param: P('ap_fixed<16,1,AP_RND>'), result: P('ap_ufixed<12,0,AP_RND,AP_SAT>') } },
    },
    minDistinct: 20,
  },
  {
    name: 'elu, selu, softsign',
    graph: chainGraph('exp_acts', [
      { kind: 'elu', name: 'elu', alpha: 0.7, tableSize: 256 },
      { kind: 'selu', name: 'selu', alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 256 },
      { kind: 'softsign', name: 'ss', tableSize: 1024 },
    ]),
    layerName: {
      elu: { precision: { result: P('ap_fixed<16,5,AP_RND,AP_SAT>') } },
      selu: { precision: { param: P('ap_fixed<12,2,AP_RND>'), result: P('ap_fixed<16,5,AP_RND_CONV,AP_SAT>') } },
      ss: { precision: { table: P('ap_fixed<12,1,AP_RND,AP_SAT>'), result: P('ap_fixed<11,1,AP_TRN_ZERO,AP_SAT>') } },
    },
    minDistinct: 20,
  },
  {
    name: 'silu and softplus beyond their tables (x ≥ 8 exact)',
    graph: chainGraph('asymptote_acts', [
      { kind: 'silu', name: 'silu', tableSize: 512 },
      { kind: 'softplus', name: 'sp', tableSize: 512 },
    ]),
    layerName: {
      silu: { precision: { result: P('ap_fixed<16,7,AP_RND,AP_SAT>') } },
      sp: { precision: { result: P('ap_fixed<12,6,AP_RND,AP_WRAP>') } },
    },
    sigma: 12,
    minDistinct: 20,
  },
  {
    name: 'ternary_tanh (made visible by a prelu)',
    graph: chainGraph('ternary', [
      { kind: 'ternary_tanh', name: 'tt', threshold: 0.5 },
      { kind: 'prelu', name: 'pr', alpha: Float64Array.from([0.5]) },
    ]),
    layerName: { tt: { precision: { result: P('ap_fixed<3,2>') } }, pr: { precision: { param: P('ap_fixed<4,1>'), result: P('ap_fixed<6,2>') } } },
    minDistinct: 3,
  },
  {
    name: 'binary_tanh into an unsigned result (−1 saturates to 0)',
    graph: chainGraph('binary', [{ kind: 'binary_tanh', name: 'bt' }]),
    layerName: { bt: { precision: { result: P('ap_ufixed<2,2,AP_TRN,AP_SAT>') } } },
    minDistinct: 2,
  },
  {
    name: 'abs (the most negative input saturates), then a narrower wrapping abs',
    graph: chainGraph('abs', [{ kind: 'abs', name: 'ab' }, { kind: 'abs', name: 'ab2' }]),
    layerName: { ab: { precision: { result: P('ap_fixed<12,4,AP_RND_CONV,AP_SAT>') } }, ab2: { precision: { result: P('ap_ufixed<9,3,AP_RND,AP_WRAP>') } } },
    sigma: 6,
    minDistinct: 20,
  },
];

describe('more activations in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate(c.graph, configFor({ layerName: c.layerName as never }), 1000, 7, c.sigma ?? 2));

      it.skipIf(!hasVerilator)(`computes ${c.name} bit for bit like the emulator`, { timeout: 300_000 }, async () => {
        const { sim: s, predictions } = await sim();
        expect(s.firstMismatches).toEqual([]);
        expect(s.mismatches).toBe(0);
        expect(s.outputsCompared).toBe(1000 * N);
        expect(Math.min(...distinctPerOutput(predictions, N))).toBeGreaterThanOrEqual(c.minDistinct);
      });

      it.skipIf(!hasVerilator)('has the latency and II the backend planned', { timeout: 300_000 }, async () => {
        const { sim: s, plan } = await sim();
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
      });
    });
  }
});

import { afterAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const P = parseFixedType;
const base = { precision: { result: P('ap_fixed<16,6>') }, reuseFactor: 1, strategy: 'latency' as const };

/** input(n) → the given layers, each fed by the previous one. */
function chainGraph(name: string, n: number, layers: { kind: Layer['kind']; name: string; [field: string]: unknown }[]): Graph {
  const all: Layer[] = [{ ...base, kind: 'input', name: 'in', inputs: [], shape: [n] }];
  for (const l of layers) all.push({ ...base, ...l, inputs: [all[all.length - 1].name], shape: [n] } as Layer);
  return { name, layers: all, outputs: [all[all.length - 1].name] };
}

/** Each design ends with the layer under test, so its output is observed directly. */
const CASES: { name: string; graph: Graph; layerName?: Record<string, object>; clockPeriod?: number; dspCost?: number }[] = [
  { name: 'sigmoid', graph: chainGraph('sigmoid', 8, [{ kind: 'sigmoid', name: 'sig', tableSize: 1024 }]) },
  {
    name: 'tanh',
    graph: chainGraph('tanh', 8, [{ kind: 'tanh', name: 'th', tableSize: 512 }]),
    layerName: { th: { precision: { table: P('ap_fixed<12,2,AP_RND,AP_SAT>'), result: P('ap_fixed<10,2,AP_RND_CONV,AP_SAT>') } } },
  },
  {
    // DspCost none: the products e_i · 1/s are shift-add arrays in LUTs (the jet tagger test keeps them on DSPs)
    name: 'softmax, DspCost none',
    graph: chainGraph('softmax', 5, [{ kind: 'softmax', name: 'sm', tableSize: 1024 }]),
    layerName: { sm: { precision: { accum: P('ap_fixed<18,8,AP_RND,AP_SAT>'), result: P('ap_ufixed<16,1,AP_RND,AP_SAT>') } } },
    dspCost: Infinity,
  },
  {
    // batchnorm → leaky_relu → clip: wide result types so that each layer's output is visible through the next
    name: 'batchnorm, leaky_relu and clip',
    graph: chainGraph('affine', 8, [
      { kind: 'batchnorm', name: 'bn', scale: Float64Array.from([1.5, -0.75, 0.3, 2.2, -1.1, 0.9, 0.01, 3.3]), bias: Float64Array.from([0.1, -0.2, 0.33, 0, 1.5, -1.25, 0.7, -0.05]) },
      { kind: 'leaky_relu', name: 'lrelu', alpha: 0.3 },
      { kind: 'clip', name: 'relu6', min: -0.8, max: 6 },
    ]),
    layerName: {
      bn: { precision: { scale: P('ap_fixed<10,3,AP_RND>'), bias: P('ap_fixed<8,3>'), result: P('ap_fixed<18,6,AP_RND_INF,AP_SAT>') } },
      lrelu: { precision: { param: P('ap_fixed<8,1,AP_RND>'), result: P('ap_fixed<22,6,AP_TRN_ZERO,AP_WRAP_SM>') } },
      relu6: { precision: { result: P('ap_fixed<12,4,AP_RND_MIN_INF,AP_SAT_ZERO>') } },
    },
    clockPeriod: 3,
  },
];

describe('activations in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate(c.graph, { ...configFor({ layerName: c.layerName as never, clockPeriod: c.clockPeriod }), ...(c.dspCost === undefined ? {} : { dspCost: c.dspCost }) }, 2000, 5, 3));

      it.skipIf(!hasVerilator)(`computes ${c.name} bit for bit like the emulator`, async () => {
        const { sim: s, predictions, graph } = await sim();
        const size = graph.layers[0].shape[0];
        expect(s.firstMismatches).toEqual([]);
        expect(s.mismatches).toBe(0);
        expect(s.outputsCompared).toBe(2000 * size);
        expect(Math.min(...distinctPerOutput(predictions, size))).toBeGreaterThan(20);
      });

      it.skipIf(!hasVerilator)('has the latency and II the backend planned', async () => {
        const { sim: s, plan } = await sim();
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
      });
    });
  }
});

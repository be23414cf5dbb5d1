import { afterAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../src/fixed/index.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const P = parseFixedType;
/** Rounding and saturating layers; dense_1 (AP_SAT) and dense_4 (AP_RND_CONV) accumulate order-dependently (chain). */
const MIXED = {
  dense_1: { precision: { weight: P('ap_fixed<8,2>'), accum: P('ap_fixed<20,8,AP_RND,AP_SAT>'), result: P('ap_fixed<12,5,AP_RND,AP_SAT>') } },
  relu_1: { precision: { result: P('ap_ufixed<10,4,AP_RND,AP_SAT>') } },
  dense_2: { precision: { accum: P('ap_fixed<18,7,AP_RND,AP_WRAP>'), result: P('ap_fixed<14,6,AP_RND_ZERO,AP_SAT_SYM>') } },
  dense_3: { precision: { weight: P('ap_fixed<6,1>'), accum: P('ap_fixed<20,9,AP_RND,AP_WRAP>') } },
  dense_4: { precision: { accum: P('ap_fixed<18,8,AP_RND_CONV,AP_WRAP>'), result: P('ap_fixed<16,6,AP_RND,AP_SAT>') } },
};

/**
 * `slow`: with HLSFORGE_SLOW=1 only. The uniform ap_fixed<16,6> jet tagger at reuse factor 1 is the netlist (other
 * constants) that CI simulates on the shared trained models: KERAS_3layer.json (tests/e2e/keras-verify.test.ts) and
 * three_layer_keras.onnx (tests/e2e/verify.test.ts), 1000 inputs each, latency and II as planned.
 */
const SLOW = !!process.env.HLSFORGE_SLOW;
if (!SLOW) console.warn('[hlsforge tests] RTL jet tagger at uniform ap_fixed<16,6>, reuse factor 1 SKIPPED (CI simulates the shared trained ones): set HLSFORGE_SLOW=1');
const CASES = [
  { name: 'ap_fixed<16,6>, reuse factor 1', reuseFactor: 1, layerName: {}, slow: true },
  { name: 'mixed AP_RND/AP_SAT precision, reuse factor 1', reuseFactor: 1, layerName: MIXED },
  { name: 'ap_fixed<16,6>, reuse factor 4', reuseFactor: 4, layerName: {} },
  { name: 'mixed AP_RND/AP_SAT precision, reuse factor 4', reuseFactor: 4, layerName: MIXED },
];

describe('the jet tagger 16-64-32-32-5 in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate({ ...mlpGraph([16, 64, 32, 32, 5], { seed: 3 }), name: `jet ${c.name}` }, configFor(c), 1000));

      it.skipIf(!hasVerilator || (c.slow && !SLOW))('equals the emulator bit for bit on 1000 seeded random inputs', async () => {
        const { sim: s, predictions } = await sim();
        expect(s.firstMismatches).toEqual([]);
        expect(s.mismatches).toBe(0);
        expect(s.outputsCompared).toBe(1000 * 5);
        expect(Math.min(...distinctPerOutput(predictions, 5))).toBeGreaterThan(10);
      });

      it.skipIf(!hasVerilator || (c.slow && !SLOW))('has the latency and II the backend planned', async () => {
        const { sim: s, plan } = await sim();
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
        expect(plan.ii).toBe(c.reuseFactor);
      });
    });
  }
});

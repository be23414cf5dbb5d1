import { describe, expect, it } from 'vitest';
import { fx, type LayerOptions } from '../backends/hls/graph-builders.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';
import { jetTagger } from './jet-tagger.ts';

const TIMEOUT = 120_000;

describe('C simulation of the jet tagger agrees with the emulator bit for bit', () => {
  it('with mixed per-layer precisions, rounding and saturating results and an AP_RND_CONV/AP_SAT accumulator', { timeout: TIMEOUT }, async () => {
    const graph = jetTagger(fx('ap_fixed<16,6>'), {
      dense: [
        { precision: { weight: fx('ap_fixed<8,2,AP_RND,AP_SAT>'), bias: fx('ap_fixed<10,4>'), accum: fx('ap_fixed<14,4,AP_RND_CONV,AP_SAT>'), result: fx('ap_fixed<12,4,AP_RND,AP_SAT>') } },
        { precision: { weight: fx('ap_fixed<6,1,AP_RND_CONV>'), accum: fx('ap_fixed<20,5,AP_RND_CONV,AP_SAT>'), result: fx('ap_fixed<14,5,AP_RND_ZERO,AP_WRAP>') } },
        { precision: { accum: fx('ap_fixed<24,7,AP_RND_INF,AP_SAT_ZERO>'), result: fx('ap_fixed<16,6,AP_RND_MIN_INF,AP_WRAP_SM>') } },
        { precision: { accum: fx('ap_fixed<16,4,AP_RND_CONV,AP_SAT_SYM>'), result: fx('ap_fixed<16,5,AP_RND,AP_SAT>') } },
      ],
      relu: [
        { precision: { result: fx('ap_ufixed<10,3,AP_RND,AP_SAT>') } },
        { precision: { result: fx('ap_fixed<10,4,AP_TRN_ZERO,AP_SAT_SYM>') } },
        { precision: { result: fx('ap_fixed<12,5>') } },
      ],
      softmax: {
        precision: {
          exp_table: fx('ap_ufixed<16,1,AP_RND,AP_SAT>'),
          inv_table: fx('ap_fixed<18,8,AP_RND_CONV,AP_SAT>'),
          accum: fx('ap_ufixed<14,3,AP_RND,AP_SAT>'),
          result: fx('ap_ufixed<12,0,AP_RND,AP_SAT>'),
        },
      },
    });
    const run = await csimAgainstEmulator(graph, { seed: 3, range: 6 });
    expectBitExact(run);
    // the saturating accumulators saturate on these inputs: order-sensitive arithmetic is exercised
    expect(overflowsOf(run, 'accum')).toBeGreaterThan(0);
  });

  it('with the resource strategy and reuse factors 4, 3 and 5 (blocks that do not divide n_in)', { timeout: TIMEOUT }, async () => {
    const resource = (reuseFactor: number, accum?: string): LayerOptions => ({
      reuseFactor,
      strategy: 'resource',
      precision: accum ? { accum: fx(accum) } : {},
    });
    const graph = jetTagger(fx('ap_fixed<16,6>'), {
      dense: [resource(4), resource(3, 'ap_fixed<12,2,AP_RND_CONV,AP_SAT>'), resource(5), resource(4, 'ap_fixed<10,2,AP_RND,AP_SAT_SYM>')],
    });
    const run = await csimAgainstEmulator(graph, { seed: 4, range: 5 });
    expectBitExact(run);
    expect(overflowsOf(run, 'accum')).toBeGreaterThan(0);
  });
});

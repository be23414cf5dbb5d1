import { describe, expect, it } from 'vitest';
import { ChainBuilder, fx } from '../backends/hls/graph-builders.ts';
import { csimAgainstEmulator, expectBitExact, valuesOf } from './csim-harness.ts';

const min = (v: Float64Array) => v.reduce((a, b) => Math.min(a, b), Infinity);
const max = (v: Float64Array) => v.reduce((a, b) => Math.max(a, b), -Infinity);

const TIMEOUT = 120_000;

describe('C simulation of activations and normalization agrees with the emulator bit for bit', () => {
  it('batchnorm, sigmoid and tanh lookup tables (inputs beyond the table ranges clamp)', { timeout: TIMEOUT }, async () => {
    const graph = new ChainBuilder('tables', 8, fx('ap_fixed<16,6>'), 11)
      .dense(16, { weightScale: 1.5 })
      .batchnorm({ precision: { scale: fx('ap_fixed<10,3,AP_RND,AP_SAT>'), bias: fx('ap_fixed<8,2,AP_RND>'), result: fx('ap_fixed<14,5,AP_RND,AP_SAT>') } })
      .sigmoid(1024, { precision: { result: fx('ap_ufixed<10,0,AP_RND,AP_SAT>') } })
      .dense(12, { weightScale: 6 })
      .tanh(512, { precision: { table: fx('ap_fixed<12,2,AP_RND,AP_SAT>'), result: fx('ap_fixed<10,2,AP_RND_CONV,AP_SAT>') } })
      .dense(6, { weightScale: 3 })
      .sigmoid(64, { precision: { table: fx('ap_fixed<8,1,AP_RND,AP_SAT>'), result: fx('ap_fixed<8,2>') } })
      .build();
    const run = await csimAgainstEmulator(graph, { seed: 5, range: 8 });
    expectBitExact(run);
    // the first sigmoid sees inputs on both sides of its table range [-8, 8): both clamps are exercised
    expect(min(valuesOf(run, 'batchnorm_2'))).toBeLessThan(-8);
    expect(max(valuesOf(run, 'batchnorm_2'))).toBeGreaterThanOrEqual(8);
  });

  it('leaky_relu, clip (ReLU6 and fractional and infinite bounds), linear and identity', { timeout: TIMEOUT }, async () => {
    const graph = new ChainBuilder('elementwise', 10, fx('ap_fixed<16,6>'), 12)
      .dense(12, { weightScale: 2 })
      .leakyRelu(0.3, { precision: { param: fx('ap_fixed<8,1,AP_RND,AP_SAT>'), result: fx('ap_fixed<12,4,AP_RND,AP_SAT>') } })
      .dense(12, { weightScale: 2 })
      .clip(0, 6, { precision: { result: fx('ap_ufixed<8,3,AP_RND,AP_SAT>') } })
      .dense(10, { weightScale: 1.5 })
      .clip(-1.25, 2.375, { precision: { result: fx('ap_fixed<6,2,AP_RND_CONV,AP_SAT>') } })
      .dense(8, { weightScale: 3 })
      .clip(-Infinity, 0.7, { precision: { result: fx('ap_fixed<12,5,AP_TRN_ZERO,AP_WRAP>') } })
      .linear({ precision: { result: fx('ap_fixed<6,3,AP_RND_CONV,AP_SAT>') } })
      .identity()
      .build();
    const run = await csimAgainstEmulator(graph, { seed: 6, range: 5 });
    expectBitExact(run, 10);
    // every clip sees inputs below its lower and above its upper bound
    for (const [before, lo, hi] of [['dense_3', 0, 6], ['dense_5', -1.25, 2.375]] as const) {
      expect(min(valuesOf(run, before))).toBeLessThan(lo);
      expect(max(valuesOf(run, before))).toBeGreaterThan(hi);
    }
    expect(min(valuesOf(run, 'dense_1'))).toBeLessThan(0);
  });

  it('softmax over three elements with small tables and 8-bit types', { timeout: TIMEOUT }, async () => {
    const t = fx('ap_fixed<8,3>');
    const graph = new ChainBuilder('small_softmax', 6, t, 13)
      .dense(3, { weightScale: 2 })
      .softmax(256, { precision: { exp_table: fx('ap_ufixed<8,1,AP_RND,AP_SAT>'), inv_table: fx('ap_ufixed<8,2,AP_RND,AP_SAT>'), accum: fx('ap_ufixed<8,3,AP_RND,AP_SAT>'), result: fx('ap_ufixed<8,0,AP_RND,AP_SAT>') } })
      .build();
    const run = await csimAgainstEmulator(graph, { seed: 7, range: 8 });
    expectBitExact(run, 10);
  });
});

import { describe, expect, it } from 'vitest';
import { fx } from '../backends/hls/graph-builders.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';
import { jetTagger } from './jet-tagger.ts';

const TIMEOUT = 120_000;

describe('C simulation of the jet tagger agrees with the emulator bit for bit', () => {
  it('with every variable ap_fixed<16,6>', { timeout: TIMEOUT }, async () => {
    expectBitExact(await csimAgainstEmulator(jetTagger(fx('ap_fixed<16,6>')), { seed: 1 }));
  });

  it('with every variable ap_fixed<8,3>', { timeout: TIMEOUT }, async () => {
    const run = await csimAgainstEmulator(jetTagger(fx('ap_fixed<8,3>')), { seed: 2 });
    expectBitExact(run);
    // 8-bit wrapping accumulators do overflow: the test covers the wrap path
    expect(overflowsOf(run, 'accum')).toBeGreaterThan(0);
  });
});

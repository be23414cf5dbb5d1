import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { PASSES } from '../../src/passes/index.ts';
import { runPasses } from '../../src/passes/pass.ts';
import { yamlConfig } from '../passes/pass-helpers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain, randomArray, rng } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

const RESULTS = ['ap_fixed<16,6>', 'ap_ufixed<6,2,AP_RND,AP_SAT>', 'ap_fixed<5,2,AP_RND_CONV,AP_WRAP>', 'ap_fixed<8,3,AP_TRN,AP_SAT_SYM>', 'ap_ufixed<4,1,AP_RND_ZERO,AP_WRAP>'];

describe('abs', () => {
  for (const result of RESULTS) {
    it(`casts |x| to ${result} exactly as the BigInt oracle does, overflows included`, () => {
      const g = chain([
        { kind: 'input', name: 'x', shape: [3, 4], precision: { result: 'ap_fixed<12,4>' } },
        { kind: 'abs', name: 'a', shape: [3, 4], precision: { result } },
      ]);
      verifyGraph(g, { configured: true });
      const inputs = randomArray(rng(21), 300 * 12, 9, 0.05);
      const got = emulate(g, inputs, 300);
      const want = referenceEmulate(g, inputs, 300);
      expect(Array.from(got.output)).toEqual(want.output);
      expect(got.overflowsByVar).toEqual(want.overflowsByVar);
    });
  }
});

describe('abs under precision inference', () => {
  it('gets an unsigned auto result that holds |x| exactly', () => {
    const g = chain([
      { kind: 'input', name: 'x', shape: [8] },
      { kind: 'abs', name: 'a', shape: [8] },
    ]);
    const config = yamlConfig("HLSConfig:\n  Model: { Precision: auto }\n  LayerName:\n    x: { Precision: { result: 'ap_fixed<10,3>' } }\n");
    const out = runPasses(g, config, PASSES);
    expect(formatFixedType(out.layers[1].precision.result)).toBe('ap_ufixed<10,3>');
    const inputs = Float64Array.from({ length: 1024 }, (_, i) => (i - 512) / 128); // every value of ap_fixed<10,3>
    expect(Array.from(emulate(out, inputs, 128).output)).toEqual(Array.from(inputs, Math.abs));
  });
});

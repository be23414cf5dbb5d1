import { describe, expect, it } from 'vitest';
import { SELU_ALPHA, SELU_SCALE } from '../../src/ir/layers.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact } from './csim-harness.ts';

const TIMEOUT = 180_000;
const N = 8;
const input: LayerSpec = { kind: 'input', name: 'x', shape: [N], precision: { result: 'ap_fixed<16,6>' } };

/**
 * One g++ build per case; each case ends with the activation under test (or with layers that pass its output on
 * unchanged for most values), so a difference in any of them shows in the compared outputs.
 */
const CASES: { name: string; layers: LayerSpec[]; range?: number; minDistinct?: number }[] = [
  {
    name: 'prelu (per channel) then selu',
    layers: [
      { kind: 'prelu', name: 'prelu', shape: [N], alpha: Float64Array.from([0.1, -0.3, 0.25, 1.7, 0, 0.05, 0.5, 0.9]), precision: { param: 'ap_fixed<8,2,AP_RND>', result: 'ap_fixed<24,8>' } },
      { kind: 'selu', name: 'selu', shape: [N], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 512, precision: { param: 'ap_fixed<12,2,AP_RND>', table: 'ap_fixed<12,3,AP_RND,AP_SAT>', result: 'ap_fixed<14,5,AP_RND_CONV,AP_SAT>' } },
    ],
  },
  { name: 'hard_sigmoid (Keras 2, 0.2x + 0.5)', layers: [{ kind: 'hard_sigmoid', name: 'hs', shape: [N], alpha: 0.2, beta: 0.5, precision: { param: 'ap_fixed<16,2,AP_RND>', result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } }] },
  { name: 'hard_sigmoid (Keras 3, x/6 + 0.5) into a result that cannot hold 1', layers: [{ kind: 'hard_sigmoid', name: 'hs', shape: [N], alpha: 1 / 6, beta: 0.5, precision: { param: 'ap_fixed<18,2,AP_RND>', result: 'ap_fixed<8,1,AP_RND_CONV,AP_SAT>' } }] },
  {
    name: 'thresholded_relu then hard_tanh',
    layers: [
      { kind: 'thresholded_relu', name: 'tr', shape: [N], theta: -0.3, precision: { result: 'ap_fixed<12,3,AP_RND,AP_SAT>' } },
      { kind: 'hard_tanh', name: 'ht', shape: [N], precision: { result: 'ap_fixed<8,1,AP_RND_ZERO,AP_SAT>' } },
    ],
    range: 2,
  },
  { name: 'abs into a saturating unsigned result', layers: [{ kind: 'abs', name: 'ab', shape: [N], precision: { result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } }], range: 12 },
  { name: 'abs into a wrapping signed result', layers: [{ kind: 'abs', name: 'ab', shape: [N], precision: { result: 'ap_fixed<8,3,AP_RND_CONV,AP_WRAP>' } }], range: 12 },
  { name: 'binary_tanh', layers: [{ kind: 'binary_tanh', name: 'bt', shape: [N], precision: { result: 'ap_fixed<2,2>' } }], minDistinct: 2 },
  { name: 'ternary_tanh into an unsigned saturating result', layers: [{ kind: 'ternary_tanh', name: 'tt', shape: [N], threshold: 0.5, precision: { result: 'ap_ufixed<2,2,AP_TRN,AP_SAT>' } }], minDistinct: 2 },
  { name: 'ternary_tanh', layers: [{ kind: 'ternary_tanh', name: 'tt', shape: [N], threshold: 0.375, precision: { result: 'ap_fixed<2,2>' } }], minDistinct: 3 },
  { name: 'elu', layers: [{ kind: 'elu', name: 'elu', shape: [N], alpha: 0.7, tableSize: 1024, precision: { result: 'ap_fixed<14,5,AP_RND,AP_SAT>' } }], range: 12 },
  { name: 'softplus (x ≥ 8 exact)', layers: [{ kind: 'softplus', name: 'sp', shape: [N], tableSize: 1024, precision: { result: 'ap_fixed<16,6,AP_RND,AP_SAT>' } }], range: 24 },
  { name: 'silu (x ≥ 8 exact, wrapping result)', layers: [{ kind: 'silu', name: 'silu', shape: [N], tableSize: 1024, precision: { result: 'ap_fixed<9,4,AP_RND,AP_WRAP>' } }], range: 24 },
  // N < R: the index is floor(x / 2) + N/2, a negative shift (table_index<5, −1>)
  { name: 'softsign with a table smaller than its range (32 entries over [−32, 32))', layers: [{ kind: 'softsign', name: 'ss', shape: [N], tableSize: 32, precision: { result: 'ap_fixed<10,1,AP_RND,AP_SAT>' } }], range: 40, minDistinct: 10 },
  { name: 'softsign', layers: [{ kind: 'softsign', name: 'ss', shape: [N], tableSize: 2048, precision: { table: 'ap_fixed<12,1,AP_RND,AP_SAT>', result: 'ap_fixed<10,1,AP_RND,AP_SAT>' } }], range: 31 },
];

describe('C simulation of the more activations agrees with the emulator bit for bit', () => {
  for (const c of CASES) {
    it(c.name, { timeout: TIMEOUT }, async () => {
      const run = await csimAgainstEmulator(chain([input, ...c.layers], c.name.replace(/\W+/g, '_')), { seed: c.name.length, range: c.range ?? 8 });
      expectBitExact(run, c.minDistinct ?? 20);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { tableFunction } from '../../src/fixed/index.ts';
import { SELU_ALPHA, SELU_SCALE } from '../../src/ir/layers.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';

/** Independent double-precision definitions (not src/fixed's) of the functions the tables approximate. */
const EXACT: Record<string, (x: number) => number> = {
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1)),
  softplus: (x) => Math.log(1 + Math.exp(x)),
  silu: (x) => x / (1 + Math.exp(-x)),
  softsign: (x) => x / (1 + Math.abs(x)),
};
/** Largest |f'|, for the in-range bound max|f'| · R / 2N. */
const SLOPE: Record<string, number> = { elu: 1, selu: SELU_SCALE * SELU_ALPHA, softplus: 1, silu: 1.1, softsign: 1 };
/** The documented bound beyond the table range (docs/arithmetic.md). */
const BEYOND: Record<string, number> = { elu: 3.4e-4, selu: SELU_SCALE * SELU_ALPHA * 3.4e-4, softplus: 3.4e-4, silu: 2.71e-3, softsign: 0.031 };

const N = 1024;
const layer = (kind: string): LayerSpec =>
  ({ kind, name: 'a', shape: [1], tableSize: N, alpha: kind === 'selu' ? SELU_ALPHA : 1, scale: SELU_SCALE, precision: { table: 'ap_fixed<40,8,AP_RND>', param: 'ap_fixed<40,4,AP_RND>', result: 'ap_fixed<48,10,AP_RND>' } }) as LayerSpec;

describe('table activations approximate their functions within the documented bounds', () => {
  for (const kind of Object.keys(EXACT)) {
    it(`${kind}: table error within max|f'|·R/2N inside the range, and the asymptote bound outside it`, () => {
      const range = tableFunction({ kind, alpha: SELU_ALPHA, scale: SELU_SCALE } as never).range;
      const xs = Float64Array.from({ length: 4 * range * 512 }, (_, i) => -2 * range + i / 512); // [−2R, 2R), step 2^−9
      const g = chain([{ kind: 'input', name: 'x', shape: [1], precision: { result: 'ap_fixed<32,10>' } }, layer(kind)]);
      const y = emulate(g, xs, xs.length).output;
      let [inside, beyond] = [0, 0];
      xs.forEach((x, i) => {
        const e = Math.abs(y[i] - EXACT[kind](x));
        if (x >= -range / 2 && x < range / 2) inside = Math.max(inside, e);
        else beyond = Math.max(beyond, e);
      });
      console.log(`${kind} (R = ${range}, N = ${N}): max error ${inside.toExponential(2)} inside the table range, ${beyond.toExponential(2)} beyond it`);
      expect(inside).toBeLessThanOrEqual((SLOPE[kind] * range) / (2 * N) + 1e-9);
      expect(beyond).toBeLessThanOrEqual(BEYOND[kind]);
    });
  }
});

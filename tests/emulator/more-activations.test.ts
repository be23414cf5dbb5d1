import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { SELU_ALPHA, SELU_SCALE } from '../../src/ir/layers.ts';
import { chain, randomArray, rng, type LayerSpec } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

/** The emulator's output and per-variable overflow counts equal the BigInt oracle's, exactly. */
function expectMatchesReference(graph: Graph, inputs: Float64Array, batch: number): void {
  const got = emulate(graph, inputs, batch);
  const want = referenceEmulate(graph, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  expect(got.overflowsByVar).toEqual(want.overflowsByVar);
  expect(new Set(got.output).size).toBeGreaterThanOrEqual(2);
}

const N = 6;
const input = (result = 'ap_fixed<16,6>'): LayerSpec => ({ kind: 'input', name: 'x', shape: [N], precision: { result } });

/** The layer under test in several precision mixes: rounding, saturation, wrapping, unsigned, narrow. */
const CASES: { name: string; layer: LayerSpec; input?: string; scale?: number }[] = [
  { name: 'prelu (per-channel alphas, AP_RND param, saturating result)', layer: { kind: 'prelu', name: 'a', shape: [N], alpha: Float64Array.from([0.1, -0.3, 0.25, 1.7, 0, 0.05]), precision: { param: 'ap_fixed<8,2,AP_RND>', result: 'ap_fixed<12,4,AP_RND,AP_SAT>' } } },
  { name: 'prelu (wrapping AP_TRN_ZERO result)', layer: { kind: 'prelu', name: 'a', shape: [N], alpha: Float64Array.from([0.3]), precision: { param: 'ap_fixed<6,1,AP_RND_CONV>', result: 'ap_fixed<7,2,AP_TRN_ZERO,AP_WRAP>' } } },
  { name: 'hard_sigmoid, Keras 2 (0.2x + 0.5)', layer: { kind: 'hard_sigmoid', name: 'a', shape: [N], alpha: 0.2, beta: 0.5, precision: { result: 'ap_ufixed<8,0,AP_RND,AP_SAT>' } } },
  { name: 'hard_sigmoid, Keras 3 (x/6 + 0.5) with a result that cannot hold 1', layer: { kind: 'hard_sigmoid', name: 'a', shape: [N], alpha: 1 / 6, beta: 0.5, precision: { param: 'ap_fixed<18,2,AP_RND>', result: 'ap_fixed<8,1,AP_RND_CONV,AP_SAT>' } } },
  { name: 'hard_sigmoid with a 40-bit param (BigInt path)', input: 'ap_fixed<30,10>', layer: { kind: 'hard_sigmoid', name: 'a', shape: [N], alpha: 0.2, beta: 0.5, precision: { param: 'ap_fixed<40,4,AP_RND>', result: 'ap_fixed<20,2,AP_RND,AP_SAT>' } } },
  { name: 'hard_tanh', layer: { kind: 'hard_tanh', name: 'a', shape: [N], precision: { result: 'ap_fixed<6,1,AP_RND,AP_SAT>' } } },
  { name: 'thresholded_relu (θ = 1.3, not on the input grid)', layer: { kind: 'thresholded_relu', name: 'a', shape: [N], theta: 1.3, precision: { result: 'ap_fixed<10,4,AP_RND,AP_SAT>' } } },
  { name: 'thresholded_relu (negative θ, wrapping)', layer: { kind: 'thresholded_relu', name: 'a', shape: [N], theta: -0.75, precision: { result: 'ap_fixed<6,2,AP_RND,AP_WRAP>' } } },
  { name: 'binary_tanh', layer: { kind: 'binary_tanh', name: 'a', shape: [N], precision: { result: 'ap_fixed<2,2>' } } },
  { name: 'binary_tanh into an unsigned result (−1 saturates)', layer: { kind: 'binary_tanh', name: 'a', shape: [N], precision: { result: 'ap_ufixed<2,2,AP_TRN,AP_SAT>' } } },
  { name: 'ternary_tanh', layer: { kind: 'ternary_tanh', name: 'a', shape: [N], threshold: 0.5, precision: { result: 'ap_fixed<2,2>' } } },
  { name: 'elu (α = 0.7)', layer: { kind: 'elu', name: 'a', shape: [N], alpha: 0.7, tableSize: 1024, precision: { result: 'ap_fixed<14,5,AP_RND,AP_SAT>' } } },
  { name: 'selu', layer: { kind: 'selu', name: 'a', shape: [N], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 512, precision: { param: 'ap_fixed<12,2,AP_RND>', table: 'ap_fixed<12,3,AP_RND,AP_SAT>', result: 'ap_fixed<10,3,AP_RND_CONV,AP_SAT>' } } },
  { name: 'softplus (beyond the table: exactly x)', scale: 40, input: 'ap_fixed<16,7>', layer: { kind: 'softplus', name: 'a', shape: [N], tableSize: 1024, precision: { result: 'ap_fixed<16,7,AP_RND,AP_SAT>' } } },
  { name: 'softsign', layer: { kind: 'softsign', name: 'a', shape: [N], tableSize: 2048, precision: { table: 'ap_fixed<12,1,AP_RND,AP_SAT>', result: 'ap_fixed<10,1,AP_RND,AP_SAT>' } } },
  { name: 'silu (narrow wrapping result)', scale: 40, input: 'ap_fixed<16,7>', layer: { kind: 'silu', name: 'a', shape: [N], tableSize: 1024, precision: { result: 'ap_fixed<9,4,AP_RND,AP_WRAP>' } } },
];

describe('more activations in the emulator', () => {
  for (const c of CASES) {
    it(`computes ${c.name} exactly like the BigInt oracle`, () => {
      const random = rng(c.name.length);
      const batch = 400;
      expectMatchesReference(chain([input(c.input), c.layer]), randomArray(random, batch * N, c.scale ?? 9, 0.05), batch); // 5 % exact zeros: the branch points
    });
  }

  it('maps 0 to exactly 0 with elu and selu (x = 0 is in their exact branch, not in the table)', () => {
    const zero = new Float64Array(N);
    const layers = CASES.map((c) => c.layer).filter((l) => l.kind === 'elu' || l.kind === 'selu');
    expect(layers.length).toBe(2);
    for (const layer of layers) expect(Array.from(emulate(chain([input(), layer]), zero, 1).output), layer.kind).toEqual(Array(N).fill(0));
  });

  it('computes every activation in float mode like the Math functions', () => {
    const xs = Float64Array.from({ length: 4001 }, (_, i) => (i - 2000) / 100);
    const relu6 = (v: number) => Math.min(Math.max(v, 0), 1);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const want: Record<string, [LayerSpec, (v: number, c: number) => number]> = {
      prelu: [{ kind: 'prelu', name: 'a', shape: [1], alpha: Float64Array.from([0.3]) }, (v) => (v > 0 ? v : 0.3 * v)],
      hard_sigmoid: [{ kind: 'hard_sigmoid', name: 'a', shape: [1], alpha: 0.2, beta: 0.5 }, (v) => relu6(0.2 * v + 0.5)],
      hard_tanh: [{ kind: 'hard_tanh', name: 'a', shape: [1] }, (v) => Math.min(Math.max(v, -1), 1)],
      thresholded_relu: [{ kind: 'thresholded_relu', name: 'a', shape: [1], theta: 1 }, (v) => (v > 1 ? v : 0)],
      binary_tanh: [{ kind: 'binary_tanh', name: 'a', shape: [1] }, (v) => (v > 0 ? 1 : -1)],
      ternary_tanh: [{ kind: 'ternary_tanh', name: 'a', shape: [1], threshold: 0.5 }, (v) => (v > 0.5 ? 1 : v > -0.5 ? 0 : -1)],
      elu: [{ kind: 'elu', name: 'a', shape: [1], alpha: 1.5, tableSize: 1024 }, (v) => (v > 0 ? v : 1.5 * (Math.exp(v) - 1))],
      selu: [{ kind: 'selu', name: 'a', shape: [1], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 1024 }, (v) => SELU_SCALE * (v > 0 ? v : SELU_ALPHA * (Math.exp(v) - 1))],
      softplus: [{ kind: 'softplus', name: 'a', shape: [1], tableSize: 1024 }, (v) => Math.log(1 + Math.exp(v))],
      softsign: [{ kind: 'softsign', name: 'a', shape: [1], tableSize: 1024 }, (v) => v / (1 + Math.abs(v))],
      silu: [{ kind: 'silu', name: 'a', shape: [1], tableSize: 1024 }, (v) => v * sig(v)],
    };
    for (const [kind, [layer, f]] of Object.entries(want)) {
      const got = emulate(chain([{ kind: 'input', name: 'x', shape: [1] }, layer]), xs, xs.length, { mode: 'float' }).output;
      const worst = Math.max(...Array.from(xs, (v, i) => Math.abs(got[i] - f(v, 0)) / Math.max(1, Math.abs(f(v, 0)))));
      expect(worst, kind).toBeLessThan(1e-14);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { PASSES } from '../../src/passes/index.ts';
import { recognizeActivations } from '../../src/passes/recognize-activations.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

const C = 5;
const config = loadConfig({ model: 'm.onnx' });

/** x → dense d → sigmoid s(d) → multiply(d, s) [→ extra readers] */
function swish(opts: { swap?: boolean; sigmoidAlsoOutput?: boolean; other?: boolean } = {}): Graph {
  const random = rng(4);
  const specs: (LayerSpec & { from?: string[] })[] = [
    { kind: 'input', name: 'x', shape: [C] },
    { kind: 'dense', name: 'd', shape: [C], nIn: C, nOut: C, weights: randomArray(random, C * C, 1.5), bias: randomArray(random, C, 1) },
    { kind: 'sigmoid', name: 's', shape: [C], tableSize: 1024, from: [opts.other ? 'x' : 'd'], precision: { table: 'ap_fixed<18,8,AP_RND,AP_SAT>' } },
    { kind: 'merge', name: 'swish', op: 'multiply', shape: [C], from: opts.swap ? ['s', 'd'] : ['d', 's'], precision: { result: 'ap_fixed<16,6,AP_RND,AP_SAT>' } },
  ];
  return dag(specs, opts.sigmoidAlsoOutput ? ['swish', 's'] : ['swish']);
}

const kinds = (g: Graph) => g.layers.map((l) => l.kind);
const inputs = randomArray(rng(9), 300 * C, 4);

describe('recognize-activations', () => {
  for (const swap of [false, true]) {
    it(`turns x·sigmoid(x) into one silu layer${swap ? ' (sigmoid as the first operand)' : ''} with the same float outputs`, () => {
      const before = swish({ swap });
      const after = recognizeActivations.run(before, config);
      verifyGraph(after, { configured: true });
      expect(kinds(after)).toEqual(['input', 'dense', 'silu']);
      const silu = after.layers[2];
      expect([silu.name, silu.inputs, silu.precision.result, silu.precision.table]).toEqual(['swish', ['d'], before.layers[3].precision.result, before.layers[2].precision.table]);
      const [f0, f1] = [before, after].map((g) => emulate(g, inputs, 300, { mode: 'float' }).output);
      f1.forEach((v, i) => expect(Math.abs(v - f0[i])).toBeLessThan(1e-12));
      // fixed point: silu's table (≤ 1.1 · 16/2048 ≈ 0.0086) instead of σ's table (≤ ¼ · 16/2048 ≈ 0.002, times |x| ≤ 8)
      // then the product, plus two roundings of 2^-10: at most ≈ 0.03 apart
      const [q0, q1] = [before, after].map((g) => emulate(g, inputs, 300).output);
      const worst = Math.max(...Array.from(q1, (v, i) => Math.abs(v - q0[i])));
      console.log(`silu vs x·sigmoid(x) in ap_fixed<16,6>: worst difference ${worst}`);
      expect(worst).toBeLessThan(0.03);
    });
  }

  it('keeps the sigmoid when something else reads it', () => {
    const after = recognizeActivations.run(swish({ sigmoidAlsoOutput: true }), config);
    verifyGraph(after, { configured: true });
    expect(kinds(after)).toEqual(['input', 'dense', 'sigmoid', 'silu']);
    expect(after.outputs).toEqual(['swish', 's']);
  });

  it('leaves a product of a tensor and the sigmoid of another tensor alone', () => {
    const g = swish({ other: true });
    expect(recognizeActivations.run(g, config)).toBe(g);
  });

  it('runs in the default flow, right after apply-config', () => {
    const names = PASSES.map((p) => p.name);
    expect(names[names.indexOf('apply-config') + 1]).toBe('recognize-activations');
  });
});

import { describe, expect, it } from 'vitest';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { compareToFloat } from '../../src/emulator/compare.ts';
import { emulate } from '../../src/emulator/index.ts';
import type { LayerOf } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { formatPruneReport, pruneReport, trackPruning } from '../../src/passes/prune-report.ts';
import { pruneWeights } from '../../src/passes/prune-weights.ts';
import { runPasses } from '../../src/passes/pass.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { configured, errorOf, yamlConfig } from './pass-helpers.ts';

const denses = (g: { layers: readonly { kind: string }[] }) => g.layers.filter((l) => l.kind === 'dense') as LayerOf<'dense'>[];
const zeros = (a: Float64Array) => a.filter((w) => w === 0).length;
const X = randomInputs(300, 8, 9);

describe('prune-weights', () => {
  it('zeroes the smallest-magnitude fraction of every dense layer (Model: Prune: {sparsity})', () => {
    const config = yamlConfig('HLSConfig: { Model: { Prune: { sparsity: 0.7 } } }\n');
    const g = configured(mlpGraph([8, 10, 4]), config);
    const p = pruneWeights.run(g, config);
    verifyGraph(p, { configured: true });
    denses(p).forEach((d, k) => {
      const before = denses(g)[k];
      expect(zeros(d.weights)).toBe(Math.round(0.7 * d.weights.length));
      const kept = Array.from(d.weights).filter((w) => w !== 0).map(Math.abs);
      const dropped = Array.from(before.weights).filter((_, i) => d.weights[i] === 0).map(Math.abs);
      expect(Math.max(...dropped)).toBeLessThanOrEqual(Math.min(...kept));
      // kept weights are unchanged, biases untouched
      d.weights.forEach((w, i) => w !== 0 && expect(w).toBe(before.weights[i]));
      expect(d.bias).toBe(before.bias);
    });
    // fixed-point emulation still runs on the pruned graph
    expect(emulate(p, X.data, 300).output.length).toBe(1200);
  });

  it('zeroes weights below a threshold, per layer name over the model setting', () => {
    const config = yamlConfig('HLSConfig:\n  Model: { Prune: { sparsity: 0.5 } }\n  LayerName: { dense_2: { Prune: { threshold: 0.3 } } }\n');
    const g = configured(mlpGraph([8, 10, 4]), config);
    const [d1, d2] = denses(pruneWeights.run(g, config));
    expect(zeros(d1.weights)).toBe(40);
    const orig = denses(g)[1].weights;
    d2.weights.forEach((w, i) => expect(w).toBe(Math.abs(orig[i]) < 0.3 ? 0 : orig[i]));
  });

  it('reports the float output change and argmax agreement on the given inputs', () => {
    const config = yamlConfig('HLSConfig: { Model: { Prune: { sparsity: 0.6 } } }\n');
    const before = configured(mlpGraph([8, 10, 4]), config);
    const after = pruneWeights.run(before, config);
    const r = pruneReport(before, after, X.data, 300);
    const a = emulate(before, X.data, 300, { mode: 'float' }).output;
    const b = emulate(after, X.data, 300, { mode: 'float' }).output;
    expect(r.outputChange).toEqual(compareToFloat(b, a, 4));
    expect(r.outputChange.maxAbs).toBeGreaterThan(0);
    expect(r.layers).toEqual([
      { name: 'dense_1', weights: 80, zerosBefore: 0, zerosAfter: 48 },
      { name: 'dense_2', weights: 40, zerosBefore: 0, zerosAfter: 24 },
    ]);
    expect(formatPruneReport(r)).toContain('dense_1: 48/80 weights zero (60.0%, was 0.0%)');
    // sparsity 0 changes nothing: no report from the tracker
    const none = yamlConfig('HLSConfig: { Model: { Prune: { sparsity: 0 } } }\n');
    const tracker = trackPruning();
    runPasses(mlpGraph([8, 10, 4]), none, [applyConfig, pruneWeights], tracker.onPass);
    expect(tracker.report(X.data, 300)).toBeUndefined();
  });

  it('rejects Prune on a layer that is not dense, naming the key', () => {
    const config = yamlConfig('HLSConfig: { LayerName: { relu_1: { Prune: { sparsity: 0.5 } } } }\n');
    const e = errorOf(() => pruneWeights.run(configured(mlpGraph([8, 10, 4]), config), config));
    expect(e.code).toBe('config-bad-value');
    expect(e.message).toBe(`${config.file}: key 'HLSConfig.LayerName.relu_1.Prune': bad configuration value: Prune applies to dense layers, not relu`);
  });
});

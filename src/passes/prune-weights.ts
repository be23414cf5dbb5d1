import type { PruneSettings } from '../config/project-config.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Layer, LayerOf } from '../ir/layers.ts';
import { settingOf } from './config-levels.ts';
import type { Pass } from './pass.ts';

/**
 * `Prune: {sparsity: s}` zeroes the round(s·n) smallest-magnitude weights of each dense layer it applies to (ties:
 * lower index first, so the result is deterministic; weights that are already zero count); `Prune: {threshold: t}`
 * zeroes every weight with |w| < t. Biases are kept. Zero weights cost nothing downstream (the emulator skips them,
 * the RTL backend generates no multiplier). See prune-report.ts for the effect on the outputs.
 */
export const pruneWeights: Pass = {
  name: 'prune-weights',
  description: 'zero the smallest-magnitude dense weights (Prune: {sparsity} or {threshold})',
  run(graph, config) {
    let changed = false;
    const layers = graph.layers.map((l): Layer => {
      const prune = settingOf(config, l, 'prune');
      if (prune && l.kind !== 'dense' && prune.key.startsWith('HLSConfig.LayerName.'))
        throw fail('config-bad-value', { file: config.file, key: `${prune.key}.Prune` }, `Prune applies to dense layers, not ${l.kind}`);
      if (!prune || l.kind !== 'dense') return l;
      const weights = prunedWeights(l.weights, prune.value);
      if (weights.every((w, i) => w === l.weights[i])) return l;
      changed = true;
      return { ...l, weights } satisfies LayerOf<'dense'>;
    });
    return changed ? { ...graph, layers } : graph;
  },
};

export function prunedWeights(weights: Float64Array, prune: PruneSettings): Float64Array {
  const out = Float64Array.from(weights);
  if (prune.threshold !== undefined) {
    for (let i = 0; i < out.length; i++) if (Math.abs(out[i]) < prune.threshold) out[i] = 0;
    return out;
  }
  const count = Math.round(prune.sparsity * out.length);
  const order = Array.from(out.keys()).sort((a, b) => Math.abs(out[a]) - Math.abs(out[b]) || a - b);
  for (let k = 0; k < count; k++) out[order[k]] = 0;
  return out;
}

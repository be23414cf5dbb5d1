import type { Graph } from '../ir/graph.ts';
import type { Layer, LayerOf } from '../ir/layers.ts';
import { transposeIndex, transposeInputShape } from '../ir/tensor.ts';
import { readersOf, rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/**
 * A transpose whose only use is a flatten into a Dense (channels-first exports: … → NHWC→NCHW transpose → Flatten →
 * Gemm) folds into the Dense's weight rows, an exact permutation of them:
 *   y = Σ_j flat(T(x))_j · W[j] = Σ_j x_flat[idx_j] · W[j] = Σ_i x_flat_i · W'[i],  W'[idx_j] = W[j]
 * (idx = the transpose's gather). The reshape then reads the untransposed tensor. In float, and in fixed point with
 * order-independent accumulators (docs/arithmetic.md, "Dense"), the output is unchanged; the new row order is the
 * Dense's accumulation order from here on. Runs before apply-config, with the other layout clean-ups.
 */
export const foldTransposeDense: Pass = {
  name: 'fold-transpose-dense',
  description: 'fold a transpose before a flatten into the following Dense by permuting its weight rows',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    for (const d of graph.layers) {
      if (d.kind !== 'dense') continue;
      const r = byName.get(d.inputs[0]);
      const t = r?.kind === 'reshape' ? byName.get(r.inputs[0]) : undefined;
      if (r?.kind !== 'reshape' || t?.kind !== 'transpose' || readersOf(graph, r.name) !== 1 || readersOf(graph, t.name) !== 1) continue;
      replace.set(d.name, permuteRows(d, transposeIndex(transposeInputShape(t.shape, t.perm), t.perm)));
      alias.set(t.name, t.inputs[0]);
    }
    return alias.size ? rewire(graph, replace, alias) : graph;
  },
};

function permuteRows(d: LayerOf<'dense'>, index: Int32Array): LayerOf<'dense'> {
  const weights = new Float64Array(d.weights.length);
  index.forEach((i, j) => weights.set(d.weights.subarray(j * d.nOut, (j + 1) * d.nOut), i * d.nOut));
  return { ...d, weights };
}

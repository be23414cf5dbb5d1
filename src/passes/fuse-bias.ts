import type { Layer, LayerOf } from '../ir/layers.ts';
import { readersOf, rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/** The kinds that end in a bias per output channel: y = Σ … + b_f. */
type Biased = LayerOf<'dense'> | LayerOf<'conv'> | LayerOf<'depthwise_conv'>;
const BIASED: ReadonlySet<string> = new Set(['dense', 'conv', 'depthwise_conv']);

/**
 * Fold a bias into the Dense (or convolution) before it: a batchnorm whose scale is exactly 1 everywhere (what the
 * ONNX frontend makes of `Add`/`Sub` with a constant, e.g. MatMul + Add, or Conv + Add of a [C, 1, 1] constant once
 * cancel-transpose removed the transposes around it) and which is that layer's only reader.
 *   y = (Σ x·W + b)·1 + β  ⇒  b' = b + β
 * Runs before apply-config, on the translated float model: it removes a rounding of the intermediate result, as the
 * source model (which has none) intends. A bias type the model states (QONNX) holds b + β only when the other term is
 * zero, so it is kept only then.
 */
export const fuseBias: Pass = {
  name: 'fuse-bias',
  description: 'fold a bias layer (batchnorm with scale 1, from MatMul + Add or Conv + Add) into the preceding Dense or convolution',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    for (const bn of graph.layers) {
      if (bn.kind !== 'batchnorm' || !bn.scale.every((s) => s === 1)) continue;
      const dense = byName.get(bn.inputs[0]);
      if (!dense || !BIASED.has(dense.kind) || readersOf(graph, dense.name) !== 1 || replace.has(dense.name)) continue;
      replace.set(dense.name, fold(dense as Biased, bn));
      alias.set(bn.name, dense.name);
    }
    return alias.size ? rewire(graph, replace, alias) : graph;
  },
};

function fold<L extends Biased>(dense: L, bn: LayerOf<'batchnorm'>): L {
  const bias = dense.bias.map((b, j) => b + bn.bias[j]);
  const { bias: statedBias, ...others } = dense.declared ?? {};
  const biasType = dense.bias.every((v) => v === 0) ? bn.declared?.bias : bn.bias.every((v) => v === 0) ? statedBias : undefined;
  const declared = { ...others, ...(biasType ? { bias: biasType } : {}) };
  const origin = dense.origin && { ...dense.origin, op: `${dense.origin.op}+${bn.origin?.op ?? 'bias'}` };
  const { declared: _old, ...rest } = dense;
  return { ...rest, bias, origin, ...(Object.keys(declared).length ? { declared } : {}) } as L;
}

import type { LayerOf } from '../ir/layers.ts';
import { readersOf, rewire } from './consumers.ts';
import type { Pass } from './pass.ts';
import type { Layer } from '../ir/layers.ts';

/**
 * Fold a BatchNormalization into the Dense, Conv or DepthwiseConv before it, when the BN is that layer's only reader.
 * The fold is exact in real arithmetic and changes float results only by double rounding; the fused weights are then
 * quantized to the dense's weight type like any other weights (a float fold, not a bit-exact rewrite). A dense whose
 * weight or result type the model declares (QONNX quantizers) is left alone: folding would change those exact values.
 */
export const fuseBatchNorm: Pass = {
  name: 'fuse-batchnorm',
  description: 'fold BatchNormalization into the preceding Dense, Conv or DepthwiseConv (W·s, b·s + β)',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    for (const bn of graph.layers) {
      if (bn.kind !== 'batchnorm') continue;
      const dense = byName.get(bn.inputs[0]);
      if (!dense || !isFoldable(dense) || readersOf(graph, dense.name) !== 1 || replace.has(dense.name)) continue;
      // a model-declared (QONNX) weight or result type is exact semantics a float fold would destroy
      if (dense.declared?.weight || dense.declared?.result) continue;
      replace.set(dense.name, fold(dense, bn));
      alias.set(bn.name, dense.name);
    }
    return alias.size ? rewire(graph, replace, alias) : graph;
  },
};

type Foldable = LayerOf<'dense' | 'conv' | 'depthwise_conv'>;
const isFoldable = (l: Layer): l is Foldable => l.kind === 'dense' || l.kind === 'conv' || l.kind === 'depthwise_conv';

// BN after Dense: y = (Σ x·W + b)·s + β  ⇒  W' = W·s (column j scaled by s_j), b' = b·s + β.
// The same per output channel j for Conv (weights [taps…][nIn][nOut]) and DepthwiseConv ([taps…][C][m], channel
// c·m + k): the weights are row-major with the output channel last, so weight e feeds output channel e mod nOut.
function fold<L extends Foldable>(dense: L, bn: LayerOf<'batchnorm'>): L {
  const nOut = dense.bias.length;
  const s = (j: number) => bn.scale[j % bn.scale.length];
  const weights = dense.weights.map((w, k) => w * s(k % nOut));
  const bias = dense.bias.map((b, j) => b * s(j) + bn.bias[j % bn.bias.length]);
  // the fused layer produces what the BN produced: its result type (and whether that is auto) come from the BN
  const autoVars = [...(dense.autoPrecision?.vars.filter((v) => v !== 'result') ?? []), ...(bn.autoPrecision?.vars.includes('result') ? (['result'] as const) : [])];
  const autoPrecision = autoVars.length ? { ...dense.autoPrecision, ...bn.autoPrecision, vars: autoVars } : undefined;
  const { autoPrecision: _drop, quantizedAs: _own, ...rest } = dense;
  return {
    ...rest,
    weights,
    bias,
    shape: bn.shape,
    precision: { ...dense.precision, result: bn.precision.result },
    ...(autoPrecision ? { autoPrecision } : {}),
    // and its value is the BN's, quantized (in the float reference) by the BN's quantizer, if any
    ...(bn.quantizedAs ? { quantizedAs: bn.quantizedAs } : {}),
  } as L;
}

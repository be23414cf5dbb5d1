import { hls4mlWrittenValue, type FixedType } from '../fixed/index.ts';
import type { Layer, PrecisionVar } from '../ir/layers.ts';
import type { Pass } from './pass.ts';

/**
 * `Arithmetic: hls4ml` only: replace each weight, bias and scale by the value hls4ml's C++ holds for it (its writer
 * prints the float with as many decimals as the type has fractional bits; docs/arithmetic.md, "hls4ml-compatible
 * arithmetic"). Runs after every pass that changes weights (fusions, pruning), as hls4ml writes the final ones.
 */
export const writeConstantsHls4ml: Pass = {
  name: 'write-constants-hls4ml',
  description: 'Arithmetic: hls4ml: weights, biases and scales as hls4ml writes them (decimals = fractional bits)',
  run(graph, config) {
    if (config.arithmetic !== 'hls4ml') return graph;
    return { ...graph, layers: graph.layers.map(written) };
  },
};

const as = (values: Float64Array, t: FixedType | undefined): Float64Array => (t ? values.map((v) => hls4mlWrittenValue(v, t)) : values);

function written(l: Layer): Layer {
  const p = (v: PrecisionVar) => l.precision[v];
  switch (l.kind) {
    case 'dense':
    case 'conv':
    case 'depthwise_conv':
      return { ...l, weights: as(l.weights, p('weight')), bias: as(l.bias, p('bias')) };
    case 'batchnorm':
      return { ...l, scale: as(l.scale, p('scale')), bias: as(l.bias, p('bias')) };
    default:
      return l;
  }
}

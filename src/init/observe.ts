import { emulate } from '../emulator/index.ts';
import type { Graph } from '../ir/graph.ts';
import type { Layer, PrecisionVar } from '../ir/layers.ts';
import { rangeOf, type ValueRange } from './choose-type.ts';

/** Every layer's output range over a batch, from the float evaluation of the model (its quantizers applied). */
export function observedRanges(graph: Graph, inputs: Float64Array, batch: number): Map<string, ValueRange> {
  const trace = emulate(graph, inputs, batch, { mode: 'float', trace: true }).trace!;
  return new Map(graph.layers.map((l) => [l.name, rangeOf(trace[l.name])]));
}

/** The constant arrays of the kinds whose weights init types, by the precision variable that quantizes them. */
export function constantRanges(layer: Layer): Partial<Record<PrecisionVar, ValueRange>> {
  switch (layer.kind) {
    case 'dense':
    case 'conv':
    case 'depthwise_conv':
      return { weight: rangeOf(layer.weights), bias: rangeOf(layer.bias) };
    case 'batchnorm':
      return { scale: rangeOf(layer.scale), bias: rangeOf(layer.bias) };
    default:
      return {};
  }
}

import type { ProjectConfig } from '../../config/project-config.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import { KINDS } from '../../ir/kinds.ts';
import type { LayerKind, LayerOf } from '../../ir/layers.ts';
import { outputTensor, type Tensor } from '../../ir/tensor.ts';
import { designInitiationInterval, layerInitiationInterval } from '../../ir/timing.ts';
import { walk } from '../../ir/walk.ts';
import { backendEstimate, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { HLS_RULES, type HlsRule } from './model.ts';
import { drainOf, streamFigures } from './stream.ts';

const ruleOf = <K extends LayerKind>(l: LayerOf<K>): HlsRule<K> => HLS_RULES[l.kind as K] as HlsRule<K>;

/** The HLS backend's figures from the documented model (hls/model.ts): latency adds up along the longest path. */
export function estimateHls(graph: Graph, config: ProjectConfig): BackendEstimate {
  const layers: LayerEstimate[] = [];
  const arrival = new Map<string, number>();
  const stream = config.ioType === 'io_stream';
  walk<Tensor>(graph, (layer, inputs) => {
    const start = Math.max(0, ...layer.inputs.map((i) => arrival.get(i) ?? 0));
    const x = inputs[0] ?? outputTensor(layer, []);
    const parallel = ruleOf(layer)(layer, { inType: x.type, inSize: sizeOf(x.shape), inShape: x.shape, ioType: config.ioType });
    // io_stream: one kernel instance per layer, a pixel per transfer (stream.ts); latency adds depths and line-buffer fills
    const { fill, ...figures } = stream ? streamFigures(layer, parallel, layerInitiationInterval(layer), x.shape, x.type.width) : { ...parallel, ii: layerInitiationInterval(layer), fill: 0 };
    arrival.set(layer.name, start + figures.latencyCycles + fill);
    if (KINDS[layer.kind].arity !== 'none') layers.push({ name: layer.name, kind: layer.kind, ...figures });
    return outputTensor(layer, inputs);
  });
  // io_stream: the whole image passes the slowest stage once after the pipeline has filled
  const drain = stream ? drainOf(layers) : 0;
  const latency = Math.max(1, ...graph.outputs.map((o) => arrival.get(o) ?? 0)) + drain + 1; // + the top's input/output registers
  const ii = stream ? Math.max(1, ...layers.map((l) => l.ii)) : designInitiationInterval(graph);
  return backendEstimate('HLS', 'MODEL (not measured): hls4ml-style rules of thumb, see docs/estimation.md', layers, { latencyCycles: latency, ii, clockPeriod: config.clockPeriod });
}

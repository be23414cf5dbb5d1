import type { ProjectConfig } from '../../config/project-config.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import { KINDS } from '../../ir/kinds.ts';
import type { LayerKind, LayerOf } from '../../ir/layers.ts';
import { outputTensor, type Tensor } from '../../ir/tensor.ts';
import { designInitiationInterval, layerInitiationInterval } from '../../ir/timing.ts';
import { walk } from '../../ir/walk.ts';
import { addResources, NO_RESOURCES, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { HLS_RULES, type HlsRule } from './model.ts';

const ruleOf = <K extends LayerKind>(l: LayerOf<K>): HlsRule<K> => HLS_RULES[l.kind as K] as HlsRule<K>;

/** The HLS backend's figures from the documented model (hls/model.ts): latency adds up along the longest path. */
export function estimateHls(graph: Graph, config: ProjectConfig): BackendEstimate {
  const layers: LayerEstimate[] = [];
  const arrival = new Map<string, number>();
  walk<Tensor>(graph, (layer, inputs) => {
    const start = Math.max(0, ...layer.inputs.map((i) => arrival.get(i) ?? 0));
    const x = inputs[0] ?? outputTensor(layer, []);
    const figures = ruleOf(layer)(layer, { inType: x.type, inSize: sizeOf(x.shape), inShape: x.shape, ioType: config.ioType });
    arrival.set(layer.name, start + figures.latencyCycles);
    if (KINDS[layer.kind].arity !== 'none') layers.push({ name: layer.name, kind: layer.kind, ...figures, ii: layerInitiationInterval(layer) });
    return outputTensor(layer, inputs);
  });
  const latency = Math.max(1, ...graph.outputs.map((o) => arrival.get(o) ?? 0)) + 1; // + the top's input/output registers
  return {
    backend: 'HLS',
    method: 'MODEL (not measured): hls4ml-style rules of thumb, see docs/estimation.md',
    layers,
    total: layers.reduce<typeof NO_RESOURCES>((t, l) => addResources(t, l), NO_RESOURCES),
    latencyCycles: latency,
    latencyNs: latency * config.clockPeriod,
    ii: designInitiationInterval(graph),
    clockPeriod: config.clockPeriod,
  };
}

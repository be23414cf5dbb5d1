import type { ProjectConfig } from '../../config/project-config.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import type { Layer, LayerKind } from '../../ir/layers.ts';
import { addResources, NO_RESOURCES, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { HLS_RULES } from './model.ts';

type Rule<K extends LayerKind> = NonNullable<(typeof HLS_RULES)[K]>;

/** The HLS backend's figures from the documented model (hls/model.ts): latency adds up along the chain of layers. */
export function estimateHls(graph: Graph, config: ProjectConfig): BackendEstimate {
  const layers: LayerEstimate[] = [];
  const typeOf = new Map<string, Layer>(graph.layers.map((l) => [l.name, l]));
  const arrival = new Map<string, number>();
  for (const layer of graph.layers) {
    const producer = typeOf.get(layer.inputs[0] ?? '');
    const start = Math.max(0, ...layer.inputs.map((i) => arrival.get(i) ?? 0));
    const rule = HLS_RULES[layer.kind] as ((l: Layer, ctx: Parameters<Rule<'dense'>>[1]) => ReturnType<Rule<'dense'>>) | undefined;
    if (!rule || !producer) {
      arrival.set(layer.name, start);
      continue;
    }
    const figures = rule(layer, { inType: producer.precision.result, inSize: sizeOf(producer.shape) });
    arrival.set(layer.name, start + figures.latencyCycles);
    layers.push({ name: layer.name, kind: layer.kind, ...figures });
  }
  const latency = Math.max(1, ...graph.outputs.map((o) => arrival.get(o) ?? 0)) + 1; // + the top's input/output registers
  return {
    backend: 'HLS',
    method: 'MODEL (not measured): hls4ml-style rules of thumb, see docs/estimation.md',
    layers,
    total: layers.reduce<typeof NO_RESOURCES>((t, l) => addResources(t, l), NO_RESOURCES),
    latencyCycles: latency,
    latencyNs: latency * config.clockPeriod,
    ii: Math.max(1, ...layers.map((l) => l.ii)),
    clockPeriod: config.clockPeriod,
  };
}

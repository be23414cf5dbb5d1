import type { Graph } from '../../ir/graph.ts';
import type { Layer } from '../../ir/layers.ts';

/** The layer whose array holds `layer`'s values: identity layers pass their input's array through. */
export function producerOf(graph: Graph, layer: Layer): Layer {
  let l = layer;
  while (l.kind === 'identity') {
    const next = graph.layers.find((c) => c.name === l.inputs[0]);
    if (!next) break;
    l = next;
  }
  return l;
}

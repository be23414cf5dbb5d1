import type { Graph } from '../ir/graph.ts';
import type { Layer } from '../ir/layers.ts';
import type { Pass } from './pass.ts';

/** Drop no-op layers (Identity, Dropout): their consumers read their producer. */
export const removeIdentity: Pass = {
  name: 'remove-identity',
  description: 'remove Identity and Dropout layers',
  run(graph) {
    const alias = new Map<string, string>();
    const resolveName = (n: string): string => (alias.has(n) ? resolveName(alias.get(n)!) : n);
    const kept: Layer[] = [];
    for (const l of graph.layers) {
      if (l.kind === 'identity') alias.set(l.name, l.inputs[0]);
      else kept.push({ ...l, inputs: l.inputs.map(resolveName) } as Layer);
    }
    return { ...graph, layers: kept, outputs: graph.outputs.map(resolveName) };
  },
};

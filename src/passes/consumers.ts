import type { Graph } from '../ir/graph.ts';
import type { Layer } from '../ir/layers.ts';

/** How many places read a layer's output: consuming layers, plus one if it is a graph output. */
export function readersOf(graph: Graph, name: string): number {
  return graph.layers.filter((l) => l.inputs.includes(name)).length + (graph.outputs.includes(name) ? 1 : 0);
}

/**
 * Replace some layers and drop others, rewiring every reader of a dropped layer to the name it is an alias of
 * (`alias`: dropped name → surviving name). Order is preserved; a replacement takes its original's position.
 */
export function rewire(graph: Graph, replace: ReadonlyMap<string, Layer>, alias: ReadonlyMap<string, string>): Graph {
  const resolve = (n: string): string => (alias.has(n) ? resolve(alias.get(n)!) : n);
  const layers: Layer[] = [];
  for (const l of graph.layers) {
    if (alias.has(l.name)) continue;
    const r = replace.get(l.name) ?? l;
    layers.push({ ...r, inputs: r.inputs.map(resolve) } as Layer);
  }
  return { ...graph, layers, outputs: graph.outputs.map(resolve) };
}

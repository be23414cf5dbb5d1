import { fail } from '../diagnostics/diagnostic.ts';
import type { Graph } from './graph.ts';
import type { Layer } from './layers.ts';

/**
 * The one graph walker every stage uses: visits the layers in topological order (graph.layers is kept in that order;
 * verify.ts checks it) and hands each layer the values its producers returned, in the order of `layer.inputs`.
 * Iterative, so a 20,000-layer chain walks as well as a 3-layer one.
 */
export function walk<T>(graph: Graph, visit: (layer: Layer, inputs: T[], position: number) => T): Map<string, T> {
  const values = new Map<string, T>();
  graph.layers.forEach((layer, position) => {
    const inputs = layer.inputs.map((p) => {
      if (!values.has(p)) throw fail('unsupported-topology', { file: graph.file, layer: layer.name, op: layer.origin?.op ?? layer.kind }, `input '${p}' must be produced by an earlier layer`);
      return values.get(p)!;
    });
    values.set(layer.name, visit(layer, inputs, position));
  });
  return values;
}

/**
 * Layers in topological order (Kahn's algorithm, stable: among ready layers the earlier one in `layers` goes first).
 * Frontends use it when a file lists nodes out of order. A cycle or a missing producer is a diagnostic.
 */
export function topologicalOrder(layers: readonly Layer[], file?: string): Layer[] {
  const byName = new Map(layers.map((l) => [l.name, l]));
  const waiting = new Map<string, number>();
  const consumers = new Map<string, Layer[]>();
  for (const l of layers) {
    let n = 0;
    for (const p of new Set(l.inputs)) {
      if (!byName.has(p)) throw fail('unsupported-topology', { file, layer: l.name, op: l.origin?.op ?? l.kind }, `input '${p}' must be produced by a layer of the graph`);
      n++;
      (consumers.get(p) ?? consumers.set(p, []).get(p)!).push(l);
    }
    waiting.set(l.name, n);
  }
  const order: Layer[] = [];
  const ready = layers.filter((l) => waiting.get(l.name) === 0);
  const rank = new Map(layers.map((l, i) => [l.name, i]));
  while (ready.length) {
    ready.sort((a, b) => rank.get(b.name)! - rank.get(a.name)!);
    const l = ready.pop()!;
    order.push(l);
    for (const c of consumers.get(l.name) ?? []) {
      const left = waiting.get(c.name)! - 1;
      waiting.set(c.name, left);
      if (left === 0) ready.push(c);
    }
  }
  if (order.length !== layers.length) {
    const stuck = layers.find((l) => waiting.get(l.name)! > 0)!;
    throw fail('unsupported-topology', { file, layer: stuck.name, op: stuck.origin?.op ?? stuck.kind }, 'the graph must not have cycles');
  }
  return order;
}

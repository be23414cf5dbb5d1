import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Graph } from '../../../ir/graph.ts';
import { channelsLastIndex, edgeOrders } from '../../../ir/edge-order.ts';
import { packingOf } from './packing.ts';

/**
 * The streams of an io_stream design before any C++ is named: which layer owns the stream each layer's output
 * travels on (a layer computing nothing shares its producer's), and who reads each stream. hls::stream has one
 * reader, so a stream with several readers gets a clone process (stream-build.ts).
 */
export interface StreamGraph {
  /** layer name → the layer whose process (or input port) writes the stream carrying its values */
  readonly source: ReadonlyMap<string, string>;
  /** layer name → the shape its stream carries (a moved-out leading transpose changes an input's) */
  readonly shape: ReadonlyMap<string, readonly number[]>;
  /** stream owner → its readers in order: a layer's input slot, or a graph output */
  readonly readers: ReadonlyMap<string, readonly Reader[]>;
  /** input or output layer → the gather from the model's order to the port's channels-last order (port[j] = row[index[j]]) */
  readonly orders: ReadonlyMap<string, Int32Array>;
  /** leading and trailing edge transposes moved into the testbench */
  readonly absorbed: ReadonlySet<string>;
}

export type Reader = { readonly layer: string; readonly slot: number } | { readonly output: number };

export function streamGraph(graph: Graph): StreamGraph {
  // the edge transposes of ir/edge-order.ts: the firmware streams channels-last, the testbench converts
  const edges = edgeOrders(graph);
  const leading = new Map(edges.inputs.filter((e) => e.transpose).map((e) => [e.transpose!, e]));
  const trailing = new Map(edges.outputs.filter((e) => e.transpose).map((e) => [e.transpose!, e]));
  const source = new Map<string, string>();
  const shape = new Map<string, readonly number[]>();
  const orders = new Map<string, Int32Array>();
  const absorbed = new Set<string>();
  for (const l of graph.layers) {
    const from = l.inputs[0];
    const edge = leading.get(l.name) ?? trailing.get(l.name);
    if (edge) {
      orders.set(edge.layer, channelsLastIndex(edge));
      if (leading.has(l.name)) shape.set(from, edge.channelsLastShape);
      shape.set(l.name, edge.channelsLastShape);
      source.set(l.name, source.get(from)!);
      absorbed.add(l.name);
      continue;
    }
    shape.set(l.name, l.shape);
    const keeps = l.kind === 'identity' || (l.kind === 'reshape' && packingOf(l.shape).pack === packingOf(shape.get(from)!).pack);
    source.set(l.name, l.kind === 'input' ? l.name : keeps ? source.get(from)! : l.name);
  }

  const readers = new Map<string, Reader[]>();
  const add = (name: string, r: Reader) => {
    const s = source.get(name);
    if (s === undefined) throw fail('unsupported-topology', { file: graph.file }, `output '${name}' must be a layer of the graph`);
    (readers.get(s) ?? readers.set(s, []).get(s)!).push(r);
  };
  for (const l of graph.layers) if (source.get(l.name) === l.name && l.kind !== 'input') l.inputs.forEach((i, slot) => add(i, { layer: l.name, slot }));
  graph.outputs.forEach((o, k) => add(o, { output: k }));
  return { source, shape, readers, orders, absorbed };
}

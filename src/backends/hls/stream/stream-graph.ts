import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Graph } from '../../../ir/graph.ts';
import type { Layer } from '../../../ir/layers.ts';
import { transposeIndex, transposeInputShape } from '../../../ir/tensor.ts';
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
  /** input layer → gather index the testbench applies to its row (y[j] = x[index[j]]) */
  readonly orders: ReadonlyMap<string, Int32Array>;
  /** leading transposes moved into the testbench */
  readonly absorbed: ReadonlySet<string>;
}

export type Reader = { readonly layer: string; readonly slot: number } | { readonly output: number };

export function streamGraph(graph: Graph): StreamGraph {
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const uses = new Map<string, number>();
  for (const l of graph.layers) for (const i of l.inputs) uses.set(i, (uses.get(i) ?? 0) + 1);
  for (const o of graph.outputs) uses.set(o, (uses.get(o) ?? 0) + 1);

  const source = new Map<string, string>();
  const shape = new Map<string, readonly number[]>();
  const orders = new Map<string, Int32Array>();
  const absorbed = new Set<string>();
  for (const l of graph.layers) {
    const from = l.inputs[0];
    if (leadingTranspose(l, byName, uses)) {
      // NCHW → NHWC of an input read by nothing else: the testbench sends the pixels in the transposed order
      const perm = (l as Extract<Layer, { kind: 'transpose' }>).perm;
      orders.set(from, transposeIndex(transposeInputShape(l.shape, perm), perm));
      shape.set(from, l.shape);
      shape.set(l.name, l.shape);
      source.set(l.name, from);
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

function leadingTranspose(l: Layer, byName: ReadonlyMap<string, Layer>, uses: ReadonlyMap<string, number>): boolean {
  if (l.kind !== 'transpose') return false;
  const from = byName.get(l.inputs[0]);
  return from?.kind === 'input' && uses.get(from.name) === 1;
}

import { channelsLastIndex, edgeOrders } from '../../../ir/edge-order.ts';
import type { Graph } from '../../../ir/graph.ts';

/**
 * A port whose tensor is channels-first in the model file and streamed channels-last: port element j = model-order
 * element index[j] (src/ir/edge-order.ts; rtl-sim converts the rows of tb_data).
 */
export interface EdgePortOrder {
  readonly modelShape: readonly number[];
  readonly channelsLastShape: readonly number[];
  readonly index: Int32Array;
}

/** What the io_stream RTL builds at the graph's edges: layers it leaves out, the input's streamed shape, port orders. */
export interface StreamEdges {
  /** layers right at an edge that are not built (the port streams what they compute on) */
  readonly skipped: ReadonlySet<string>;
  /** the shape the input port streams */
  readonly inputShape: readonly number[];
  readonly inputOrder?: EdgePortOrder;
  readonly outputOrder?: EdgePortOrder;
}

/** The same elements in the same order, axes of size 1 aside (a reshape that moves no element between pixels' order). */
const squeezeEqual = (a: readonly number[], b: readonly number[]): boolean => {
  const [x, y] = [a.filter((d) => d !== 1), b.filter((d) => d !== 1)];
  return x.length === y.length && x.every((d, k) => d === y[k]);
};

/**
 * A leading transpose (the input's only reader) or trailing one (the output, read by nothing else) that converts
 * between the model file's channels-first order and the layers' channels-last order is left out: the port streams
 * channels-last. A leading or trailing reshape that only adds or drops axes of size 1 (a channels-first → last
 * transpose of one channel becomes one) is left out too: the port streams the layers' pixels, the elements keep
 * their order. docs/rtl.md, "io_stream".
 */
export function streamEdges(graph: Graph): StreamEdges {
  const edges = edgeOrders(graph);
  const [inEdge, outEdge] = [edges.inputs[0], edges.outputs[0]];
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const readers = (name: string) => graph.layers.filter((l) => l.inputs.includes(name));
  const skipped = new Set<string>();
  const input = byName.get(inEdge.layer)!;
  let inputShape = inEdge.channelsLastShape;
  let inputOrder: EdgePortOrder | undefined;
  if (inEdge.transpose !== undefined) {
    skipped.add(inEdge.transpose);
    inputOrder = { modelShape: inEdge.modelShape, channelsLastShape: inEdge.channelsLastShape, index: channelsLastIndex(inEdge) };
  } else {
    const [r, ...others] = readers(input.name);
    if (r?.kind === 'reshape' && !others.length && !graph.outputs.includes(input.name) && squeezeEqual(input.shape, r.shape)) {
      skipped.add(r.name);
      inputShape = r.shape;
    }
  }
  const out = byName.get(outEdge.layer)!;
  let outputOrder: EdgePortOrder | undefined;
  if (skipped.has(out.name)) return { skipped, inputShape, inputOrder };
  if (outEdge.transpose !== undefined) {
    skipped.add(outEdge.transpose);
    outputOrder = { modelShape: outEdge.modelShape, channelsLastShape: outEdge.channelsLastShape, index: channelsLastIndex(outEdge) };
  } else if (out.kind === 'reshape' && !readers(out.name).length && out.inputs.length === 1 && squeezeEqual(out.shape, byName.get(out.inputs[0])!.shape) && byName.get(out.inputs[0])!.kind !== 'input') {
    skipped.add(out.name);
  }
  return { skipped, inputShape, inputOrder, outputOrder };
}

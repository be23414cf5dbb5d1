import type { Graph } from './graph.ts';
import type { LayerOf } from './layers.ts';
import { transposeIndex, transposeInputShape } from './tensor.ts';

/**
 * The element order at one edge of the graph. Inputs and outputs keep the order the model file declares (an NCHW
 * flattening for a channels-first ONNX model), so framework reference data is used as is; inside, the IR is
 * channels-last. Where the two differ, a transpose sits right at the edge: a leading one that is an input's only
 * reader, or a trailing one that is a graph output and read by nothing else. A streaming backend may drop that
 * transpose and stream the channels-last tensor instead; its testbench converts with `channelsLastIndex`.
 */
export interface EdgeOrder {
  /** the input layer, or the output layer as `graph.outputs` names it */
  readonly layer: string;
  /** the tensor as the model file orders it (no batch axis) */
  readonly modelShape: readonly number[];
  /** the same tensor channels-last, as the layers next to the edge compute on it */
  readonly channelsLastShape: readonly number[];
  /** the edge transpose a backend may strip (undefined: the model's order is already the layers' order) */
  readonly transpose?: string;
  /** axis a of the channels-last tensor is axis `perm[a]` of the model's tensor (identity when no transpose) */
  readonly perm: readonly number[];
}

const identity = (shape: readonly number[]): number[] => shape.map((_d, a) => a);

/** The order at every graph input (in graph order) and output (in `graph.outputs` order). */
export function edgeOrders(graph: Graph): { inputs: EdgeOrder[]; outputs: EdgeOrder[] } {
  const readers = (name: string) => graph.layers.filter((l) => l.inputs.includes(name));
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const inputs = graph.layers.filter((l) => l.kind === 'input').map((l): EdgeOrder => {
    const [t, ...others] = readers(l.name);
    if (t?.kind !== 'transpose' || others.length || graph.outputs.includes(l.name)) return { layer: l.name, modelShape: l.shape, channelsLastShape: l.shape, perm: identity(l.shape) };
    // the leading transpose: channels-last axis a = model axis perm[a]
    return { layer: l.name, modelShape: l.shape, channelsLastShape: t.shape, transpose: t.name, perm: t.perm };
  });
  const outputs = graph.outputs.map((name): EdgeOrder => {
    const l = byName.get(name)!;
    if (l.kind !== 'transpose' || readers(name).length || graph.outputs.filter((o) => o === name).length > 1) return { layer: name, modelShape: l.shape, channelsLastShape: l.shape, perm: identity(l.shape) };
    return { layer: name, modelShape: l.shape, channelsLastShape: transposeInputShape(l.shape, l.perm), transpose: l.name, perm: inverse(l as LayerOf<'transpose'>) };
  });
  return { inputs, outputs };
}

/** The trailing transpose maps channels-last to the model's order (model axis a = channels-last axis p[a]): invert it. */
const inverse = (t: LayerOf<'transpose'>): number[] => t.perm.map((_p, a) => t.perm.indexOf(a));

/** The gather from the model's order to channels-last: channelsLast[j] = model[index[j]]. */
export const channelsLastIndex = (e: EdgeOrder): Int32Array => transposeIndex(e.modelShape, e.perm);

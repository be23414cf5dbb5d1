import type { Graph } from '../ir/graph.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, LayerOf } from '../ir/layers.ts';
import { transposeInputShape } from '../ir/tensor.ts';
import { rewire } from './consumers.ts';
import type { Pass } from './pass.ts';
import { sinkTranspose } from './sink-transpose.ts';

/**
 * Simplify transposes (the ONNX frontend brackets every channels-first op by a pair of them), to a fixed point:
 *   T(p2) ∘ T(p1) = T(q), q[a] = p1[p2[a]]   (composed into one transpose of the first one's input)
 *   T(identity) = x                           (removed; a pair that cancels ends here)
 *   T_p(x), T_p(x) = one T_p(x)               (two readers of a tensor each transposing it the same way share one)
 *   E(T(x)) = T(E(x)), M(T(a), T(b)) = T(M(a, b))   (a transpose sinks below elementwise layers and merges: see
 *                                            sink-transpose.ts; so Conv → Relu → MaxPool → Conv keeps no transposes)
 * and at the end a transpose that moves only axes of size 1 keeps the row-major order: a reshape. Transposes left
 * without readers are removed. Data movement only: bit-exact.
 */
export const cancelTranspose: Pass = {
  name: 'cancel-transpose',
  description: 'compose consecutive transposes, sink them below elementwise layers and merges, remove identity ones, turn order-keeping ones into reshapes',
  run(graph) {
    let g = graph;
    for (let step = composeOrSink(g); step; step = composeOrSink(g)) g = step;
    return orderKeepingToReshape(g);
  },
};

/** One simplification (the first that applies, in layer order), or undefined at the fixed point. */
function composeOrSink(graph: Graph): Graph | undefined {
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const seen = new Map<string, string>();
  for (const l of graph.layers) {
    if (l.kind === 'transpose') {
      const key = `${l.inputs[0]}|${l.perm.join(',')}`;
      if (seen.has(key)) return rewire(graph, new Map(), new Map([[l.name, seen.get(key)!]]));
      seen.set(key, l.name);
      const p = byName.get(l.inputs[0])!;
      if (p.kind === 'transpose') return dropUnread(rewire(graph, new Map([[l.name, { ...l, inputs: p.inputs, perm: l.perm.map((a) => p.perm[a]) }]]), new Map()), new Set([p.name]));
      if (l.perm.every((p, a) => p === a)) return rewire(graph, new Map(), new Map([[l.name, l.inputs[0]]]));
    }
    const sunk = sinkTranspose(graph, l, byName);
    if (sunk) return sunk;
  }
  return undefined;
}

function orderKeepingToReshape(graph: Graph): Graph {
  const replace = new Map<string, Layer>();
  for (const l of graph.layers) if (l.kind === 'transpose' && keepsOrder(l.perm, transposeInputShape(l.shape, l.perm))) replace.set(l.name, toReshape(l));
  return replace.size ? rewire(graph, replace, new Map()) : graph;
}

/** The axes of size > 1 stay in their order: every element keeps its row-major position. */
function keepsOrder(perm: readonly number[], inShape: readonly number[]): boolean {
  const big = perm.filter((p) => inShape[p] !== 1);
  return big.every((p, k) => k === 0 || big[k - 1] < p);
}

function toReshape(t: LayerOf<'transpose'>): LayerOf<'reshape'> {
  const { perm: _perm, ...rest } = t;
  return { ...rest, kind: 'reshape' };
}

/** Remove candidate layers nobody reads any more (a transpose composed into its reader), repeatedly. */
export function dropUnread(graph: Graph, candidates: ReadonlySet<string>): Graph {
  let layers = graph.layers;
  for (;;) {
    const read = new Set([...layers.flatMap((l) => l.inputs), ...graph.outputs]);
    const kept = layers.filter((l) => !candidates.has(l.name) || read.has(l.name));
    if (kept.length === layers.length) return { ...graph, layers };
    layers = kept;
  }
}

/** Elementwise kinds a transpose commutes with (their output shape is their input's). */
export const commutes = (l: Layer): boolean => KINDS[l.kind].elementwise && l.kind !== 'input';

import type { Graph } from '../ir/graph.ts';
import type { Layer, LayerOf } from '../ir/layers.ts';
import { transposeInputShape } from '../ir/tensor.ts';
import { rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/**
 * Simplify transposes (the ONNX frontend brackets every channel-axis op on an N-D tensor by a pair of them):
 *   T(p2) ∘ T(p1) = T(q), q[a] = p1[p2[a]]   (composed into one transpose of the first one's input)
 *   T(identity) = x                           (removed; a pair that cancels ends here)
 *   a transpose that moves only axes of size 1 keeps the row-major order: a reshape
 * A transpose left without readers by a composition is removed. Data movement only: bit-exact.
 */
export const cancelTranspose: Pass = {
  name: 'cancel-transpose',
  description: 'compose consecutive transposes, remove identity ones, turn order-keeping ones into reshapes',
  run(graph) {
    const current = new Map<string, Layer>();
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    const resolve = (n: string): string => (alias.has(n) ? resolve(alias.get(n)!) : n);
    for (const l of graph.layers) {
      current.set(l.name, l);
      if (l.kind !== 'transpose') continue;
      let t: LayerOf<'transpose'> = { ...l, inputs: [resolve(l.inputs[0])] };
      const p = current.get(t.inputs[0])!;
      if (p.kind === 'transpose') t = { ...t, inputs: p.inputs, perm: t.perm.map((a) => p.perm[a]) };
      const inShape = transposeInputShape(t.shape, t.perm);
      if (t.perm.every((p, a) => p === a)) alias.set(l.name, t.inputs[0]);
      else if (keepsOrder(t.perm, inShape)) replace.set(l.name, toReshape(t));
      else if (t !== l) replace.set(l.name, t);
      current.set(l.name, replace.get(l.name) ?? t);
    }
    if (!alias.size && !replace.size) return graph;
    return dropUnread(rewire(graph, replace, alias), new Set(graph.layers.filter((l) => l.kind === 'transpose').map((l) => l.name)));
  },
};

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

import type { Graph } from '../ir/graph.ts';
import type { Layer, LayerOf } from '../ir/layers.ts';
import { transposeInputShape } from '../ir/tensor.ts';
import { commutes } from './cancel-transpose.ts';
import { readersOf } from './consumers.ts';

/**
 * Move a transpose below the layer l that reads it, when that is exact and the transpose has no other reader:
 *   E(T_p(x)) = T_p(E(x))   E elementwise with one input; a parameter per channel of the last axis (batchnorm,
 *                           prelu, quant) only when p keeps the last axis last (p[r−1] = r−1)
 *   M(T_p(a), T_p(b), …) = T_p(M(a, b, …))   M an elementwise merge, every input the same transpose
 *   C_k(T_p(a), T_p(b), …) = T_p(C_{p[k]}(a, b, …))   concatenation along output axis k
 * l keeps its name (configurations name it) and now computes on the untransposed tensors; the transpose keeps the
 * name of l's first input transpose and takes over l's readers. Returns the new graph, or undefined.
 */
export function sinkTranspose(graph: Graph, l: Layer, byName: ReadonlyMap<string, Layer>): Graph | undefined {
  if (l.inputs.length === 0 || (!commutes(l) && l.kind !== 'concatenate')) return undefined;
  const ts = l.inputs.map((n) => byName.get(n)!);
  const first = ts[0];
  if (first.kind !== 'transpose') return undefined;
  const same = ts.every((t) => t.kind === 'transpose' && t.perm.every((p, a) => p === first.perm[a]) && readersOf(graph, t.name) === 1);
  if (!same || new Set(l.inputs).size !== l.inputs.length) return undefined;
  const r = first.perm.length;
  if (perChannel(l) && first.perm[r - 1] !== r - 1) return undefined;
  const inputs = ts.map((t) => t.inputs[0]);
  const shape = transposeInputShape(l.shape, first.perm);
  const moved = (l.kind === 'concatenate' ? { ...l, inputs, shape, axis: first.perm[l.axis] } : { ...l, inputs, shape }) as Layer;
  const t: LayerOf<'transpose'> = { ...first, inputs: [l.name], shape: l.shape };
  const rename = (n: string) => (n === l.name ? t.name : n);
  const dropped = new Set(ts.map((x) => x.name));
  const layers: Layer[] = [];
  for (const x of graph.layers) {
    if (dropped.has(x.name)) continue;
    if (x.name === l.name) layers.push(moved, t);
    else layers.push({ ...x, inputs: x.inputs.map(rename) } as Layer);
  }
  return { ...graph, layers, outputs: graph.outputs.map(rename) };
}

/** Parameters that differ per channel of the last axis: any weight array (Float64Array) of more than one value. */
function perChannel(l: Layer): boolean {
  return Object.values(l).some((v) => v instanceof Float64Array && v.length > 1);
}

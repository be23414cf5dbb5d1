import type { Layer } from '../ir/layers.ts';
import { dropUnread } from './cancel-transpose.ts';
import { rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/**
 * Reshapes move no data: R(s2) ∘ R(s1) = R(s2) of the first one's input, and a reshape to its input's own shape is
 * removed. Bit-exact.
 */
export const mergeReshape: Pass = {
  name: 'merge-reshape',
  description: 'merge consecutive reshapes and remove reshapes that keep the shape',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    const source = (n: string): Layer => {
      const l = byName.get(n)!;
      return l.kind === 'reshape' ? source(l.inputs[0]) : l;
    };
    for (const l of graph.layers) {
      if (l.kind !== 'reshape') continue;
      const from = source(l.inputs[0]);
      if (from.shape.length === l.shape.length && from.shape.every((d, k) => d === l.shape[k])) alias.set(l.name, from.name);
      else if (from.name !== l.inputs[0]) replace.set(l.name, { ...l, inputs: [from.name] });
    }
    if (!alias.size && !replace.size) return graph;
    return dropUnread(rewire(graph, replace, alias), new Set(graph.layers.filter((l) => l.kind === 'reshape').map((l) => l.name)));
  },
};

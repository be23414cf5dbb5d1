import { fail } from '../diagnostics/diagnostic.ts';
import { formatFixedType } from '../fixed/index.ts';
import type { Layer, LayerKind, LayerOf } from '../ir/layers.ts';
import { representable } from './merge-linear.ts';
import { walk } from '../ir/walk.ts';
import type { Pass } from './pass.ts';
import { chooserFor } from './precision/choose.ts';
import type { Ranges } from './precision/interval.ts';
import { RULES } from './precision/rules/index.ts';
import type { Rule } from './precision/rules/rule.ts';

/**
 * Resolve `auto` precisions. Walks the graph in order, propagating exact value ranges (per element) from the input
 * type through every layer with its quantized constants; an auto variable gets the narrowest type that holds every
 * value it can take exactly (no overflow, no rounding), capped by `maximum` with a warning. Layers without auto
 * variables keep their types and only pass their (sound) ranges on.
 */
export const inferPrecision: Pass = {
  name: 'infer-precision',
  description: 'replace auto precisions with the narrowest exact types (from the input type and the quantized weights)',
  run(graph, config) {
    if (!graph.layers.some((l) => l.autoPrecision)) return graph;
    checkMaximums(graph.layers, config.file);
    const resolved = new Map<string, Layer>();
    const shapes = new Map(graph.layers.map((l) => [l.name, l.shape]));
    walk<Ranges>(graph, (l, inputs) => {
      const c = chooserFor(l, config.file);
      const out = ruleOf(l)(l, inputs[0] ?? { frac: 0, lo: [], hi: [] }, c, inputs, l.inputs.map((p) => shapes.get(p)!));
      if (l.autoPrecision) {
        const { autoPrecision: _resolved, ...rest } = l;
        resolved.set(l.name, { ...rest, precision: { ...l.precision, ...c.chosen } } as Layer);
      }
      return out;
    });
    return { ...graph, layers: graph.layers.map((l) => resolved.get(l.name) ?? l) };
  },
};

const ruleOf = <K extends LayerKind>(l: LayerOf<K>): Rule<K> => RULES[l.kind as K] as Rule<K>;

/** A maximum that cannot hold the input type would cap every layer below its own input: a configuration mistake. */
function checkMaximums(layers: readonly Layer[], file: string | undefined): void {
  const input = layers.find((l) => l.kind === 'input');
  if (!input) return;
  const t = input.precision.result;
  for (const l of layers) {
    const max = l.autoPrecision?.maximum;
    if (max && !representable(t, max))
      throw fail('bad-precision', { file, key: l.autoPrecision!.maximumKey }, `maximum must be at least as wide as the input type ${formatFixedType(t)}, not ${formatFixedType(max)}`);
  }
}


import type { Layer, LayerOf, PrecisionVar } from '../ir/layers.ts';
import { readersOf, rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/**
 * Recognise activations that exporters write as small subgraphs, so they become one table activation:
 *   SiLU / Swish: multiply(x, sigmoid(x)) → silu(x)   (x · σ(x) = silu(x) in real arithmetic)
 * The merge's name, result type and reuse settings go to the silu; the table type and size come from the sigmoid
 * (so LayerName settings of both keep applying). The sigmoid is dropped when the multiply was its only reader.
 * A float rewrite, not a bit-exact one: silu reads one table instead of rounding σ(x) and then the product.
 * Softsign as x / (1 + |x|) is not recognised: the IR has no Abs and no division of two tensors.
 */
export const recognizeActivations: Pass = {
  name: 'recognize-activations',
  description: 'turn x·sigmoid(x) into a silu layer',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const replace = new Map<string, Layer>();
    const alias = new Map<string, string>();
    for (const m of graph.layers) {
      if (m.kind !== 'merge' || m.op !== 'multiply' || m.inputs.length !== 2) continue;
      const [a, b] = m.inputs.map((n) => byName.get(n));
      const sig = [a, b].find((l): l is LayerOf<'sigmoid'> => l?.kind === 'sigmoid' && m.inputs.includes(l.inputs[0]));
      if (!sig || m.declared || sig.declared || a === b) continue;
      replace.set(m.name, silu(m, sig));
      if (readersOf(graph, sig.name) === 1) alias.set(sig.name, sig.inputs[0]);
    }
    return replace.size ? rewire(graph, replace, alias) : graph;
  },
};

function silu(m: LayerOf<'merge'>, sig: LayerOf<'sigmoid'>): LayerOf<'silu'> {
  const vars: PrecisionVar[] = [...(sig.autoPrecision?.vars.includes('table') ? (['table'] as const) : []), ...(m.autoPrecision?.vars.includes('result') ? (['result'] as const) : [])];
  const { op: _op, autoPrecision: _auto, ...rest } = m;
  return {
    ...rest,
    kind: 'silu',
    inputs: [sig.inputs[0]],
    tableSize: sig.tableSize,
    precision: { result: m.precision.result, ...(sig.precision.table ? { table: sig.precision.table } : {}) },
    ...(vars.length ? { autoPrecision: { ...sig.autoPrecision, ...m.autoPrecision, vars } } : {}),
  };
}

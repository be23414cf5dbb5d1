import { castRangeBig, fracBits, rangeOfBig, type FixedType } from '../fixed/index.ts';
import type { Layer } from '../ir/layers.ts';
import { rewire } from './consumers.ts';
import type { Pass } from './pass.ts';

/**
 * Remove a `linear` layer (y = Q_L(x)) when it cannot change any value its producer P emits:
 *   every value of P's result type is a value of L's type (grid and range), so Q_L(Q_P(v)) = Q_P(v);
 *   in particular Q∘Q = Q when both types are equal.
 * Readers of L then read P. Consumers compute on exact values, so their results are bit-identical.
 * A linear that is a graph output is merged only when its type equals P's (the output port keeps its type).
 * A linear whose result is `auto` is merged too: the exact type of Q_L(x) is x's own type.
 */
export const mergeLinear: Pass = {
  name: 'merge-linear',
  description: 'remove linear activations that cannot change their input (Q∘Q = Q, or the input type fits the result type)',
  run(graph) {
    const byName = new Map(graph.layers.map((l) => [l.name, l]));
    const alias = new Map<string, string>();
    const replace = new Map<string, Layer>();
    for (const l of graph.layers) {
      if (l.kind !== 'linear') continue;
      const p = replace.get(l.inputs[0]) ?? byName.get(l.inputs[0])!;
      if (!mergeable(l, p, graph.outputs.includes(l.name))) continue;
      alias.set(l.name, p.name);
      // the model's quantizer the linear stood for moves to P: the float reference still applies it
      if (l.quantizedAs && !p.quantizedAs) replace.set(p.name, { ...p, quantizedAs: l.quantizedAs } as Layer);
    }
    return alias.size ? rewire(graph, replace, alias) : graph;
  },
};

function mergeable(linear: Layer, producer: Layer, isOutput: boolean): boolean {
  const [from, to] = [producer.precision.result, linear.precision.result];
  if (producer.autoPrecision?.vars.includes('result')) return false; // P's type is not known yet
  if (linear.autoPrecision?.vars.includes('result')) return true;
  return isOutput ? sameValues(from, to) : representable(from, to);
}

/** Every value of `from` is a value of `to` that the cast Q_to leaves unchanged. */
export function representable(from: FixedType, to: FixedType): boolean {
  const shift = fracBits(to) - fracBits(from);
  if (shift < 0) return false;
  const src = rangeOfBig(from);
  const dst = effectiveRange(to);
  const k = 1n << BigInt(shift);
  return src.min * k >= dst.min && src.max * k <= dst.max;
}

/** Same set of values (the modes may differ: they never act on a representable value). */
const sameValues = (a: FixedType, b: FixedType): boolean => representable(a, b) && representable(b, a);

/** AP_SAT_SYM maps the most negative mantissa to −max, so that one is not kept by the cast. */
const effectiveRange = castRangeBig;

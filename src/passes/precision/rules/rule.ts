import type { LayerKind, LayerOf } from '../../../ir/layers.ts';
import type { Chooser } from '../choose.ts';
import type { Ranges } from '../interval.ts';

/**
 * How values flow through one layer kind: given the ranges of its input elements (none for the input layer), choose
 * its types through `c` (configured, or inferred when auto) and return the ranges of its output elements. `x` is the
 * first input's ranges; `all` holds every input's, in the order of `layer.inputs` (merges read them); `inShapes` their
 * shapes (window layers read their input's spatial extents).
 * Ranges are sound: every value the layer can produce, in the emulator's exact arithmetic, lies inside them.
 */
export type Rule<K extends LayerKind> = (
  layer: LayerOf<K>,
  x: Ranges,
  c: Chooser,
  all: readonly Ranges[],
  inShapes?: readonly (readonly number[])[],
) => Ranges;

/** The first input's shape, which window rules need (infer-precision passes it). */
export function firstInShape(layer: { name: string; kind: string }, inShapes: readonly (readonly number[])[] | undefined): readonly number[] {
  const s = inShapes?.[0];
  if (!s) throw new Error(`layer '${layer.name}' (${layer.kind}): the precision rule needs its input's shape`);
  return s;
}

import { spatialSource, type SpatialMoveLayer } from '../../../ir/spatial-move.ts';
import type { Ranges } from '../interval.ts';

/** Pad, crop, upsample move values without a cast (src/ir/spatial-move.ts): ranges move along, padding is [0, 0]. */
export function spatialMove(layer: SpatialMoveLayer, x: Ranges, inShape: readonly number[]): Ranges {
  const source = spatialSource(layer, inShape);
  return {
    frac: x.frac,
    lo: Array.from(source, (i) => (i < 0 ? 0n : x.lo[i])),
    hi: Array.from(source, (i) => (i < 0 ? 0n : x.hi[i])),
  };
}

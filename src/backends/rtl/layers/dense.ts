import type { RtlLayer } from './types.ts';
import { denseConstants } from './dense-constants.ts';
import { denseParallel } from './dense-parallel.ts';
import { denseReuse } from './dense-reuse.ts';

/** dense: fully parallel and pipelined at reuse factor 1, multipliers shared over R cycles otherwise. */
export const dense: RtlLayer<'dense'> = (layer, ctx) => {
  const k = denseConstants(layer);
  return layer.reuseFactor > 1 ? denseReuse(layer, ctx, k) : denseParallel(layer, ctx, k);
};

import type { LayerOf } from '../../ir/layers.ts';
import type { Kernel } from '../kernel.ts';
import { clip } from './clip.ts';

/** hard_tanh is clip(−1, 1) (docs/arithmetic.md): the clip kernel computes it. */
export const asClip = (layer: LayerOf<'hard_tanh'>): LayerOf<'clip'> => ({ ...layer, kind: 'clip', min: -1, max: 1 });

export const hardTanh: Kernel<'hard_tanh'> = {
  fixed: (layer, inputs, counters) => clip.fixed(asClip(layer), inputs, counters),
  float: (layer, inputs, batch, out) => clip.float(asClip(layer), inputs, batch, out),
};

import { hardTanhAsClip } from '../../ir/hard-tanh.ts';
import type { Kernel } from '../kernel.ts';
import { clip } from './clip.ts';

/** hard_tanh is clip(−1, 1): the clip kernel computes it. */
export const hardTanh: Kernel<'hard_tanh'> = {
  fixed: (layer, inputs, counters) => clip.fixed(hardTanhAsClip(layer), inputs, counters),
  float: (layer, inputs, batch, out, shapes) => clip.float(hardTanhAsClip(layer), inputs, batch, out, shapes),
};

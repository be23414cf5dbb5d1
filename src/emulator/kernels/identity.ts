import type { Kernel } from '../kernel.ts';
import { single } from '../precision.ts';

/** No-op on data: the input passes through with its own type, no cast. */
export const identity: Kernel<'identity'> = {
  fixed(layer, inputs) {
    return { type: single(layer, inputs), run: ([x]) => x };
  },
  float: (_layer, [x]) => x,
};

import type { LayerOf } from './layers.ts';

/**
 * hard_tanh is exactly clip(−1, 1) (docs/arithmetic.md): every stage computes it with its clip code. It stays a kind
 * of its own so that frontends, configs and summaries name it.
 */
export const hardTanhAsClip = (layer: LayerOf<'hard_tanh'>): LayerOf<'clip'> => ({ ...layer, kind: 'clip', min: -1, max: 1 });

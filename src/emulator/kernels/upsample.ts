import { spatialMove } from './spatial-move.ts';

/** Nearest upsampling by integer factors: output coordinate o of axis a reads input ⌊o / factor[a]⌋. */
export const upsample = spatialMove<'upsample'>((layer, a, o) => Math.floor(o / layer.factors[a]));

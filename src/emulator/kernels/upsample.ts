import { spatialMove } from './spatial-move.ts';

/** Nearest upsampling by integer factors: a data move (src/ir/spatial-move.ts). */
export const upsample = spatialMove<'upsample'>();

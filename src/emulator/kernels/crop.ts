import { spatialMove } from './spatial-move.ts';

/** Cropping of the spatial axes: a data move (src/ir/spatial-move.ts). */
export const crop = spatialMove<'crop'>();

import { spatialMove } from './spatial-move.ts';

/** Zero padding of the spatial axes: a data move (src/ir/spatial-move.ts), zeros in the padding. */
export const pad = spatialMove<'pad'>();

import { moveSourceAxis } from '../../ir/move.ts';
import { spatialMove } from './spatial-move.ts';

/** Cropping: output coordinate o of axis a reads input o + cropBegin[a] (src/ir/move.ts). */
export const crop = spatialMove<'crop'>(moveSourceAxis);

import { moveSourceAxis } from '../../ir/move.ts';
import { spatialMove } from './spatial-move.ts';

/** Zero padding: output coordinate o of axis a reads input o − padBegin[a], padding outside [0, S) (src/ir/move.ts). */
export const pad = spatialMove<'pad'>(moveSourceAxis);

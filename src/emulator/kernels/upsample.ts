import { moveSourceAxis } from '../../ir/move.ts';
import { spatialMove } from './spatial-move.ts';

/** Nearest upsampling by integer factors: output coordinate o of axis a reads input ⌊o / factor[a]⌋ (src/ir/move.ts). */
export const upsample = spatialMove<'upsample'>(moveSourceAxis);

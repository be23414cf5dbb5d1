import { spatialMove } from './spatial-move.ts';

/** Cropping: output coordinate o of axis a reads input o + cropBegin[a]. */
export const crop = spatialMove<'crop'>((layer, a, o) => o + layer.cropBegin[a]);

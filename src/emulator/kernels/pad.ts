import { spatialMove } from './spatial-move.ts';

/** Zero padding: output coordinate o of axis a reads input o − padBegin[a], padding outside [0, S). */
export const pad = spatialMove<'pad'>((layer, a, o) => {
  const i = o - layer.padBegin[a];
  return i < 0 || i >= layer.shape[a] - layer.padBegin[a] - layer.padEnd[a] ? -1 : i;
});

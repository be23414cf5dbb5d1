import { poolOp } from '../pool.ts';

/** AveragePool on a channels-first tensor [batch, C, spatial…] (src/frontends/onnx/pool.ts). */
export const AveragePool = poolOp('average', 'first');

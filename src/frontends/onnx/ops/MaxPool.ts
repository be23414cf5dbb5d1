import { poolOp } from '../pool.ts';

/** MaxPool on a channels-first tensor [batch, C, spatial…] (src/frontends/onnx/pool.ts). */
export const MaxPool = poolOp('max', 'first');

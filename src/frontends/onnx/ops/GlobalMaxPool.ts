import { globalPoolOp } from '../pool.ts';

/** GlobalMaxPool on a channels-first tensor [batch, C, spatial…] (src/frontends/onnx/pool.ts). */
export const GlobalMaxPool = globalPoolOp('max', 'first');

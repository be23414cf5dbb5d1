import { globalPoolOp } from '../pool.ts';

/** GlobalAveragePool on a channels-first tensor [batch, C, spatial…] (src/frontends/onnx/pool.ts). */
export const GlobalAveragePool = globalPoolOp('average', 'first');

import { convOp } from '../conv.ts';

/** Conv on a channels-first tensor [batch, C, spatial…] (src/frontends/onnx/conv.ts). */
export const Conv = convOp('first');

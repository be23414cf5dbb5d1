import type { ChannelOrder } from './layout.ts';

/**
 * ONNX Conv weights W [M, C/g, k…] (channels-first; QONNX channels-last: [M, k…, C/g]) in the IR's layouts. Element
 * (m, c, t) of W, t the row-major tap over the kernel, is at (m·Cg + c)·taps + t, or (m·taps + t)·Cg + c.
 */
function weightAt(order: ChannelOrder, taps: number, cg: number): (m: number, c: number, t: number) => number {
  return order === 'first' ? (m, c, t) => (m * cg + c) * taps + t : (m, c, t) => (m * taps + t) * cg + c;
}

/** conv (group 1): W_ir[t][c][m] = W[m][c][t], row-major [taps][nIn][nOut]. */
export function convWeights(w: Float64Array, order: ChannelOrder, taps: number, nIn: number, nOut: number): Float64Array {
  const at = weightAt(order, taps, nIn);
  const out = new Float64Array(taps * nIn * nOut);
  for (let t = 0; t < taps; t++) for (let c = 0; c < nIn; c++) for (let m = 0; m < nOut; m++) out[(t * nIn + c) * nOut + m] = w[at(m, c, t)];
  return out;
}

/**
 * depthwise_conv (group = C, M = C·mult): ONNX output channel m = c·mult + k reads input channel c (group c) only;
 * W_ir[t][c][k] = W[c·mult + k][0][t], row-major [taps][C][mult], so output channel c·mult + k keeps its place.
 */
export function depthwiseWeights(w: Float64Array, order: ChannelOrder, taps: number, channels: number, mult: number): Float64Array {
  const at = weightAt(order, taps, 1);
  const out = new Float64Array(taps * channels * mult);
  for (let t = 0; t < taps; t++) for (let c = 0; c < channels; c++) for (let k = 0; k < mult; k++) out[(t * channels + c) * mult + k] = w[at(c * mult + k, 0, t)];
  return out;
}

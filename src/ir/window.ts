import type { Window } from './layers.ts';
import { strides as rowMajorStrides } from './tensor.ts';

/**
 * Sliding-window geometry, computed once for every implementation (emulator, HLS, RTL, estimators): output extents
 * and the im2col gather of a window over the spatial axes of a channels-last tensor [S_1, …, S_r, C].
 */

/** Output extent along one axis: ⌊(S + padBegin + padEnd − d·(k − 1) − 1) / s⌋ + 1 (0 or less: the window never fits). */
export function windowExtent(size: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number): number {
  return Math.floor((size + padBegin + padEnd - dilation * (kernel - 1) - 1) / stride) + 1;
}

/** The output spatial shape of a window over the input spatial shape. */
export function windowOutputSpatial(inSpatial: readonly number[], w: Window): number[] {
  return inSpatial.map((s, a) => windowExtent(s, w.kernel[a], w.strides[a], w.dilations[a], w.padBegin[a], w.padEnd[a]));
}

/** Number of taps of a window: Π kernel. */
export const windowTaps = (w: Pick<Window, 'kernel'>): number => w.kernel.reduce((a, b) => a * b, 1);

/**
 * The im2col gather: for output position p (row-major over the output spatial shape) and tap t (row-major over the
 * kernel), `index[p·taps + t]` is the input spatial position (row-major over the input spatial shape) the tap reads,
 * or −1 when it falls in the padding. Element (position q, channel c) of a channels-last tensor is at q·C + c.
 */
export function windowIndex(inSpatial: readonly number[], w: Window): Int32Array {
  const outSpatial = windowOutputSpatial(inSpatial, w);
  const r = inSpatial.length;
  const taps = windowTaps(w);
  const positions = outSpatial.reduce((a, b) => a * b, 1);
  const inStride = rowMajorStrides(inSpatial);
  const index = new Int32Array(positions * taps);
  const p = new Array<number>(r).fill(0);
  for (let pi = 0; pi < positions; pi++) {
    const t = new Array<number>(r).fill(0);
    for (let ti = 0; ti < taps; ti++) {
      let q = 0;
      for (let a = 0; a < r && q >= 0; a++) {
        const x = p[a] * w.strides[a] + t[a] * w.dilations[a] - w.padBegin[a];
        q = x < 0 || x >= inSpatial[a] ? -1 : q + x * inStride[a];
      }
      index[pi * taps + ti] = q;
      increment(t, w.kernel);
    }
    increment(p, outSpatial);
  }
  return index;
}

/** Count of the taps of each output position that read the input (not the padding): the n of an average pool. */
export function validTaps(index: Int32Array, taps: number): Int32Array {
  const n = new Int32Array(index.length / taps);
  for (let p = 0; p < n.length; p++) for (let t = 0; t < taps; t++) if (index[p * taps + t] >= 0) n[p]++;
  return n;
}

/**
 * 'same' padding of one axis, as Keras ('same') and ONNX (SAME_UPPER; SAME_LOWER puts the odd pad first):
 * output extent ⌈S / s⌉, total pad = max((out − 1)·s + d·(k − 1) + 1 − S, 0).
 */
export function samePadding(size: number, kernel: number, stride: number, dilation: number, lower = false): [begin: number, end: number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
  const small = Math.floor(total / 2);
  return lower ? [total - small, small] : [small, total - small];
}

function increment(pos: number[], shape: readonly number[]): void {
  for (let a = pos.length - 1; a >= 0; a--) {
    if (++pos[a] < shape[a]) return;
    pos[a] = 0;
  }
}

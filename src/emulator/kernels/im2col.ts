import { windowIndex, windowTaps } from '../../ir/window.ts';
import type { Window } from '../../ir/layers.ts';

/**
 * The im2col view of a window over a channels-last input [S…, C] (src/ir/window.ts computes the geometry): row
 * (sample s, output position p) holds, for tap t then channel c, x[s][index[p·taps + t]·C + c], or 0 where the tap
 * reads padding (an exact 0 adds nothing: Q_accum(acc + 0) = acc, and the dense paths skip it as any 0 term).
 */
export interface Im2col {
  readonly index: Int32Array;
  readonly taps: number;
  /** output positions per sample */
  readonly positions: number;
  readonly channels: number;
  /** input elements per sample */
  readonly inSize: number;
  /** elements per im2col row: taps · channels */
  readonly rowLength: number;
}

export function im2colOf(inShape: readonly number[], w: Window): Im2col {
  const inSpatial = inShape.slice(0, -1);
  const channels = inShape[inShape.length - 1];
  const index = windowIndex(inSpatial, w);
  const taps = windowTaps(w);
  return {
    index, taps, channels,
    positions: taps === 0 ? 0 : index.length / taps,
    inSize: inSpatial.reduce((a, b) => a * b, 1) * channels,
    rowLength: taps * channels,
  };
}

/** im2colOf, remembered per layer object (the IR is immutable) for the float kernels, which run chunk by chunk. */
const cache = new WeakMap<Window, { key: string; g: Im2col }>();
export function im2colCached(inShape: readonly number[], w: Window): Im2col {
  const key = inShape.join(',');
  const hit = cache.get(w);
  if (hit?.key === key) return hit.g;
  const g = im2colOf(inShape, w);
  cache.set(w, { key, g });
  return g;
}

/** Rows first … first + rows − 1 (numbered s·positions + p over the batch) into `out`, row-major. */
export function gatherRows(g: Im2col, x: Float64Array, first: number, rows: number, out: Float64Array): void {
  const { index, taps, positions, channels: C, inSize } = g;
  let o = 0;
  for (let r = first; r < first + rows; r++) {
    const s = Math.floor(r / positions);
    const base = s * inSize;
    const p = r - s * positions;
    for (let t = p * taps, end = t + taps; t < end; t++) {
      const q = index[t];
      if (q < 0) for (let c = 0; c < C; c++) out[o++] = 0;
      else for (let c = 0, i = base + q * C; c < C; c++) out[o++] = x[i + c];
    }
  }
}

/** Rows per block so that one block of im2col rows stays around 2^18 doubles (2 MiB), whatever the batch. */
export const blockRows = (rowLength: number): number => Math.max(1, Math.floor(2 ** 18 / Math.max(1, rowLength)));

/**
 * Runs `dense` (rows of rowLength → rows of nOut) over every im2col row of the batch, block by block, into one
 * output [batch, positions, nOut]: exactly the channels-last output tensor.
 */
export function overRows(
  g: Im2col,
  x: Float64Array,
  batch: number,
  nOut: number,
  dense: (rows: Float64Array, n: number) => Float64Array,
  y: Float64Array,
): Float64Array {
  const total = batch * g.positions;
  const block = blockRows(g.rowLength);
  const buffer = new Float64Array(Math.min(block, total) * g.rowLength);
  for (let first = 0; first < total; first += block) {
    const n = Math.min(block, total - first);
    const rows = n * g.rowLength === buffer.length ? buffer : buffer.subarray(0, n * g.rowLength);
    gatherRows(g, x, first, n, rows);
    y.set(dense(rows, n).subarray(0, n * nOut), first * nOut);
  }
  return y;
}

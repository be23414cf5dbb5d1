import type { Window } from '../../../ir/layers.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';

/**
 * A sliding window over a pixel stream, in the coordinates of the padded image (1-D windows are one row): the
 * stream walks the padded positions row-major, taking an input pixel where the position is inside the image and
 * inserting a padding pixel elsewhere. A window is complete when its last tap (bottom-right) has been pushed; tap t
 * is then `offsets[t]` pushes behind the newest. All of it is derived from src/ir/window.ts (`windowIndex` over one
 * row band and one column band of the padded image, with no padding), so the stream reads exactly the taps of the
 * im2col gather; nothing here is proportional to the image area.
 */
export interface StreamWindow {
  /** padded image [rows, cols] */
  readonly padded: readonly [number, number];
  readonly taps: number;
  readonly offsets: readonly number[];
  /** a window ends at padded row r / column c (an output position's last tap) */
  readonly emitRow: readonly boolean[];
  readonly emitCol: readonly boolean[];
  /** padded row r / column c holds input data (not padding) */
  readonly rowInside: readonly boolean[];
  readonly colInside: readonly boolean[];
  /** output positions (row-major) */
  readonly outSpatial: readonly number[];
}

/** Spatial axes as [rows, cols] (a 1-D window is one row), and the window in those terms. */
function twoD(inSpatial: readonly number[], w: Window): { spatial: [number, number]; w: Window } {
  if (inSpatial.length === 2) return { spatial: [inSpatial[0], inSpatial[1]], w };
  const one = (v: readonly number[], k: number) => [k, v[0]];
  return {
    spatial: [1, inSpatial[0]],
    w: { kernel: one(w.kernel, 1), strides: one(w.strides, 1), dilations: one(w.dilations, 1), padBegin: one(w.padBegin, 0), padEnd: one(w.padEnd, 0) },
  };
}

export function streamWindow(inSpatial: readonly number[], window: Window): StreamWindow {
  const { spatial, w } = twoD(inSpatial, window);
  const padded: [number, number] = [spatial[0] + w.padBegin[0] + w.padEnd[0], spatial[1] + w.padBegin[1] + w.padEnd[1]];
  const span = [0, 1].map((a) => w.dilations[a] * (w.kernel[a] - 1) + 1);
  const unpadded: Window = { ...w, padBegin: [0, 0], padEnd: [0, 0] };
  const taps = windowTaps(w);
  // one band of span[0] padded rows: output row 0, every output column; positions row-major over [span0, cols]
  const colBand = windowIndex([span[0], padded[1]], unpadded);
  const offsetsOf = (p: number) => {
    const idx = Array.from(colBand.subarray(p * taps, (p + 1) * taps));
    const newest = Math.max(...idx);
    // in the stream a band row is padded[1] pushes long, as in the band: the offsets hold for every window
    return { newest, offsets: idx.map((q) => newest - q) };
  };
  const { offsets } = offsetsOf(0);
  const emitCol = new Array<boolean>(padded[1]).fill(false);
  for (let p = 0; p < colBand.length / taps; p++) emitCol[offsetsOf(p).newest - (span[0] - 1) * padded[1]] = true;
  // one band of span[1] padded columns: every output row
  const rowBand = windowIndex([padded[0], span[1]], unpadded);
  const emitRow = new Array<boolean>(padded[0]).fill(false);
  for (let p = 0; p < rowBand.length / taps; p++) emitRow[Math.floor(Math.max(...rowBand.subarray(p * taps, (p + 1) * taps)) / span[1])] = true;
  const inside = (n: number, before: number, size: number) => Array.from({ length: n }, (_, i) => i >= before && i < before + size);
  return {
    padded,
    taps,
    offsets,
    emitRow,
    emitCol,
    rowInside: inside(padded[0], w.padBegin[0], spatial[0]),
    colInside: inside(padded[1], w.padBegin[1], spatial[1]),
    outSpatial: windowOutputSpatial(inSpatial, window),
  };
}

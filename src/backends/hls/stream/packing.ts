import { sizeOf } from '../../../ir/graph.ts';

/**
 * How a tensor streams in io_stream: a tensor [S_1, …, S_r, C] (r ≥ 1) is Π S packs of C values in row-major order
 * (one pixel, all its channels, per transfer); a 1-D tensor [n] is one pack of n values, as hls4ml streams a Dense.
 */
export interface Packing {
  /** values per transfer */
  readonly pack: number;
  /** transfers per sample */
  readonly packs: number;
}

export function packingOf(shape: readonly number[]): Packing {
  const size = sizeOf(shape);
  const pack = shape.length <= 1 ? size : shape[shape.length - 1];
  return { pack, packs: pack === 0 ? 0 : size / pack };
}

/**
 * The spatial extents [height, width] of a channels-last tensor with one or two spatial axes: a 1-D tensor [L, C] is
 * the image of height 1, so one C++ kernel serves Conv1D and Conv2D.
 */
export function spatial2d(shape: readonly number[]): [height: number, width: number] {
  const s = shape.slice(0, -1);
  return s.length === 1 ? [1, s[0]] : [s[0], s[1]];
}

/** A per-axis window value lifted to [height axis, width axis] (`fill` for the height of a 1-D window). */
export function axes2d(values: readonly number[], fill: number): [number, number] {
  return values.length === 1 ? [fill, values[0]] : [values[0], values[1]];
}

import type { LayerOf } from './layers.ts';
import { strides as rowMajorStrides } from './tensor.ts';

/**
 * The geometry of pad, crop and nearest upsampling over a channels-last tensor [S…, C], computed once for every
 * implementation: output element j reads input element source[j] of the same sample, or is 0 when source[j] = −1
 * (padding). Each spatial axis maps alone; the channel stays.
 */
export type SpatialMoveLayer = LayerOf<'pad' | 'crop' | 'upsample'>;

/** The input coordinate output coordinate o of spatial axis a reads, or −1 (padding). */
export function sourceCoordinate(layer: SpatialMoveLayer, inExtent: number, a: number, o: number): number {
  switch (layer.kind) {
    case 'pad': {
      const i = o - layer.padBegin[a];
      return i < 0 || i >= inExtent ? -1 : i;
    }
    case 'crop':
      return o + layer.cropBegin[a];
    case 'upsample':
      return Math.floor(o / layer.factors[a]);
  }
}

/** source[j] for every element j of the layer's output, over an input of shape inShape. */
export function spatialSource(layer: SpatialMoveLayer, inShape: readonly number[]): Int32Array {
  const outShape = layer.shape;
  const r = outShape.length - 1;
  const C = outShape[r];
  const inStride = rowMajorStrides(inShape);
  const positions = outShape.slice(0, r).reduce((a, b) => a * b, 1);
  const source = new Int32Array(positions * C);
  const pos = new Array<number>(r).fill(0);
  for (let q = 0; q < positions; q++) {
    let base = 0;
    for (let a = 0; a < r && base >= 0; a++) {
      const i = sourceCoordinate(layer, inShape[a], a, pos[a]);
      base = i < 0 ? -1 : base + i * inStride[a];
    }
    for (let c = 0; c < C; c++) source[q * C + c] = base < 0 ? -1 : base + c;
    for (let a = r - 1; a >= 0; a--) {
      if (++pos[a] < outShape[a]) break;
      pos[a] = 0;
    }
  }
  return source;
}

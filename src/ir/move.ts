import type { LayerOf } from './layers.ts';
import { strides as rowMajorStrides } from './tensor.ts';

/**
 * Data movement geometry (pad, crop, nearest upsample; docs/arithmetic.md: they move data only), computed once for
 * every implementation (emulator, HLS, RTL) as window.ts does for sliding windows.
 */
export type MoveLayer = LayerOf<'pad' | 'crop' | 'upsample'>;

/** The input coordinate output coordinate o of spatial axis a reads, or −1 for a zero of the padding. */
export function moveSourceAxis(layer: MoveLayer, a: number, o: number): number {
  switch (layer.kind) {
    case 'pad': {
      const i = o - layer.padBegin[a];
      return i < 0 || i >= layer.shape[a] - layer.padBegin[a] - layer.padEnd[a] ? -1 : i;
    }
    case 'crop':
      return o + layer.cropBegin[a];
    case 'upsample':
      return Math.floor(o / layer.factors[a]);
  }
}

/** source[j] for every element j of the output [S'…, C]: the channel stays, each spatial coordinate maps alone. */
export function moveIndex(outShape: readonly number[], inShape: readonly number[], sourceAxis: (a: number, o: number) => number): Int32Array {
  const r = outShape.length - 1;
  const C = outShape[r];
  const inStride = rowMajorStrides(inShape);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const index = new Int32Array(outSize);
  const pos = new Array<number>(r).fill(0);
  for (let q = 0; q < outSize / Math.max(C, 1); q++) {
    let base = 0;
    for (let a = 0; a < r && base >= 0; a++) {
      const i = sourceAxis(a, pos[a]);
      base = i < 0 ? -1 : base + i * inStride[a];
    }
    for (let c = 0; c < C; c++) index[q * C + c] = base < 0 ? -1 : base + c;
    for (let a = r - 1; a >= 0; a--) {
      if (++pos[a] < outShape[a]) break;
      pos[a] = 0;
    }
  }
  return index;
}

/** The gather of a pad, crop or upsample layer over its input shape: output element j reads input element index[j] (−1: 0). */
export const moveIndexOf = (layer: MoveLayer, inShape: readonly number[]): Int32Array => moveIndex(layer.shape, inShape, (a, o) => moveSourceAxis(layer, a, o));

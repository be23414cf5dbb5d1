import type { FixedType } from '../fixed/fixed-type.ts';
import { KINDS } from './kinds.ts';
import type { LayerKind } from './layers.ts';

/**
 * The order of a tensor's elements in memory. Inside the IR every tensor is channels-last (hls4ml's convention, and
 * what Keras files use): an ONNX NCHW tensor enters through an explicit `transpose` layer, which a pass cancels where
 * it can. The element order of a tensor is row-major over `shape` in this layout.
 */
export type Layout = 'channels_last';

/** What flows along one edge of the graph: shape (no batch axis), layout and fixed-point type. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly layout: Layout;
  readonly type: FixedType;
}

export const tensor = (shape: readonly number[], type: FixedType): Tensor => ({ shape, layout: 'channels_last', type });

/** Row-major strides of a shape: stride[k] = Π shape[k+1..]. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let k = shape.length - 2; k >= 0; k--) s[k] = s[k + 1] * shape[k + 1];
  return s;
}

/**
 * The permutation of a transpose as a gather: out[j] = in[index[j]] over row-major element positions, where output
 * axis a is input axis perm[a] (ONNX Transpose / numpy semantics).
 */
export function transposeIndex(inShape: readonly number[], perm: readonly number[]): Int32Array {
  const outShape = perm.map((p) => inShape[p]);
  const inStride = strides(inShape);
  const n = inShape.reduce((a, b) => a * b, 1);
  const index = new Int32Array(n);
  const pos = new Array<number>(outShape.length).fill(0);
  for (let j = 0; j < n; j++) {
    let src = 0;
    for (let a = 0; a < perm.length; a++) src += pos[a] * inStride[perm[a]];
    index[j] = src;
    for (let a = outShape.length - 1; a >= 0; a--) {
      if (++pos[a] < outShape[a]) break;
      pos[a] = 0;
    }
  }
  return index;
}

/**
 * Concatenation along `axis` as a gather over the inputs laid side by side: out[j] = inputs[which[j]][at[j]].
 * With outer = Π shape[..axis) and inner = Π shape(axis..], each input contributes blocks of shape[axis]·inner.
 */
export function concatIndex(shapes: readonly (readonly number[])[], axis: number): { which: Int32Array; at: Int32Array } {
  const outer = shapes[0].slice(0, axis).reduce((a, b) => a * b, 1);
  const blocks = shapes.map((s) => s.slice(axis).reduce((a, b) => a * b, 1));
  const n = outer * blocks.reduce((a, b) => a + b, 0);
  const which = new Int32Array(n);
  const at = new Int32Array(n);
  let j = 0;
  for (let o = 0; o < outer; o++)
    for (let k = 0; k < shapes.length; k++)
      for (let e = 0; e < blocks[k]; e++) (which[j] = k), (at[j] = o * blocks[k] + e), j++;
  return { which, at };
}

/**
 * The tensor a layer produces from its inputs: its own shape, and the result type, except for the kinds that only
 * move data (identity, reshape, transpose), whose input type passes through unchanged.
 */
export function outputTensor(layer: { kind: LayerKind; shape: readonly number[]; precision: { result: FixedType } }, inputs: readonly Tensor[]): Tensor {
  return tensor(layer.shape, KINDS[layer.kind].passThrough && inputs.length ? inputs[0].type : layer.precision.result);
}

/** The input shape of a transpose, from its output shape: output axis a is input axis perm[a]. */
export function transposeInputShape(outShape: readonly number[], perm: readonly number[]): number[] {
  const s: number[] = [];
  perm.forEach((p, a) => (s[p] = outShape[a]));
  return s;
}

/**
 * The input shapes of a concatenation along `axis`, from its output shape and each input's element count: the output
 * shape with the concatenated axis replaced by the input's extent along it (size / (outer · inner)).
 */
export function concatInputShapes(outShape: readonly number[], axis: number, sizes: readonly number[]): number[][] {
  const outer = outShape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = outShape.slice(axis + 1).reduce((a, b) => a * b, 1);
  return sizes.map((n) => [...outShape.slice(0, axis), n / (outer * inner), ...outShape.slice(axis + 1)]);
}

import type { ConstTensor } from './tensor.ts';

/** What an ONNX tensor name stands for while the graph is translated. */
export type Value = ConstValue | LayerValue;

/** a compile-time constant (initializer, Constant node, or a reshape of one) */
export interface ConstValue {
  readonly kind: 'const';
  readonly tensor: ConstTensor;
}

/** the output of an IR layer; `shape` is without the batch dimension */
export interface LayerValue {
  readonly kind: 'layer';
  readonly layer: string;
  readonly shape: readonly number[];
  /**
   * where ONNX has the batch axis (absent: 0). A recurrent op reads `[T, batch, n]` and writes `[T, dirs, batch, h]`:
   * for one sample the row-major data is the same wherever the batch axis sits, so only the ops that know this
   * (Transpose, Squeeze, Gather, Slice, Shape, LSTM/GRU/RNN) read such a value; the others demand the batch first.
   */
  readonly batchAxis?: number;
}

export const constValue = (tensor: ConstTensor): ConstValue => ({ kind: 'const', tensor });

export const showShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** A layer output's shape as ONNX sees it, with the batch dimension first. */
export const withBatch = (v: LayerValue): string => {
  const dims = v.shape.map(String);
  dims.splice(v.batchAxis ?? 0, 0, 'batch');
  return `[${dims.join(', ')}]`;
};

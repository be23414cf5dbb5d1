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
}

export const constValue = (tensor: ConstTensor): ConstValue => ({ kind: 'const', tensor });

export const showShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** A layer output's shape as ONNX sees it, with the batch dimension first. */
export const withBatch = (v: LayerValue): string => `[batch${v.shape.map((d) => `, ${d}`).join('')}]`;

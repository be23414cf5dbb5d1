import type { FixedType } from '../fixed/fixed-type.ts';

/**
 * Layer kinds of the IR. Target-free and framework-free: ONNX `Relu` and Keras `ReLU` both become `{ kind: 'relu' }`.
 * Weights are Float64Array in float (the quantization to the weight type happens in the emulator/backends through
 * src/fixed, from the `precision` fields, so all three implementations quantize the same way).
 */
export type LayerKind = Layer['kind'];

/** Named precision variables, as in hls4ml's `Precision: {weight, bias, accum, result, table, ...}`. */
export type PrecisionVar = 'result' | 'weight' | 'bias' | 'accum' | 'scale' | 'param' | 'table' | 'exp_table' | 'inv_table';
export type Precision = { result: FixedType } & Partial<Record<Exclude<PrecisionVar, 'result'>, FixedType>>;

export type Strategy = 'latency' | 'resource';

export interface LayerBase {
  /** unique, as in the source model (unsanitized; backends sanitize) */
  readonly name: string;
  /** names of the producing layers */
  readonly inputs: readonly string[];
  /** output shape without batch dimension, e.g. [64] */
  readonly shape: readonly number[];
  /** filled by the `apply-config` pass; the frontend leaves the model default */
  readonly precision: Precision;
  readonly reuseFactor: number;
  readonly strategy: Strategy;
  /** where it came from, for diagnostics: source op type and node name */
  readonly origin?: { readonly file?: string; readonly op: string; readonly node: string };
}

export interface InputLayer extends LayerBase { readonly kind: 'input' }

/** y_j = Σ_i x_i · W[i·nOut + j] + b_j  (weights row-major [in][out]) */
export interface DenseLayer extends LayerBase {
  readonly kind: 'dense';
  readonly nIn: number;
  readonly nOut: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** y_i = x_i · scale_c + bias_c over the last axis (inference-time BatchNormalization) */
export interface BatchNormLayer extends LayerBase {
  readonly kind: 'batchnorm';
  readonly scale: Float64Array;
  readonly bias: Float64Array;
}

export interface ReluLayer extends LayerBase { readonly kind: 'relu' }
export interface LeakyReluLayer extends LayerBase { readonly kind: 'leaky_relu'; readonly alpha: number }
/** y = min(max(x, min), max); ReLU6 is clip(0, 6) */
export interface ClipLayer extends LayerBase { readonly kind: 'clip'; readonly min: number; readonly max: number }
export interface SigmoidLayer extends LayerBase { readonly kind: 'sigmoid'; readonly tableSize: number }
export interface TanhLayer extends LayerBase { readonly kind: 'tanh'; readonly tableSize: number }
/** softmax over the last axis */
export interface SoftmaxLayer extends LayerBase { readonly kind: 'softmax'; readonly tableSize: number }
/** y = x cast to the result type */
export interface LinearLayer extends LayerBase { readonly kind: 'linear' }
/** no-op on data (Identity, Dropout, Flatten, order-preserving Reshape); removed by the `remove-identity` pass */
export interface IdentityLayer extends LayerBase { readonly kind: 'identity' }

export type Layer =
  | InputLayer
  | DenseLayer
  | BatchNormLayer
  | ReluLayer
  | LeakyReluLayer
  | ClipLayer
  | SigmoidLayer
  | TanhLayer
  | SoftmaxLayer
  | LinearLayer
  | IdentityLayer;

export type LayerOf<K extends LayerKind> = Extract<Layer, { kind: K }>;

/** A registry that must handle every layer kind: adding a kind fails `tsc` until every stage handles it. */
export type KindRegistry<H extends { [K in LayerKind]: unknown }> = H;

import type { FixedType } from '../fixed/fixed-type.ts';
import type { Quantizer } from './quantizer.ts';

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
  /**
   * Precision stated by the model itself (e.g. a QONNX quantizer folded into the weights): exact types the
   * `import-qonnx` pass applies over the config defaults, under explicit `LayerName` settings.
   */
  readonly declared?: Partial<Record<PrecisionVar, FixedType>>;
  /**
   * Precision variables configured as `auto`: `precision` holds a placeholder for them until the `infer-precision`
   * pass replaces it with the narrowest exact type (capped by `maximum`) and drops this field.
   */
  readonly autoPrecision?: AutoPrecision;
}

export interface AutoPrecision {
  readonly vars: readonly PrecisionVar[];
  readonly maximum?: FixedType;
  /** the configuration key `maximum` came from, for diagnostics */
  readonly maximumKey?: string;
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
/**
 * A QONNX quantizer on activations (Quant/IntQuant, BipolarQuant, Trunc), lowered to fixed-point types by the
 * `import-qonnx` pass; see src/ir/quantizer.ts for its exact semantics. scale and zeroPoint hold 1 value (per tensor)
 * or one per channel of the last axis. A 1-bit signed quantizer is bipolar, as in QONNX: y = s · (x/s + z ≥ 0 ? 1 : −1).
 */
export interface QuantLayer extends LayerBase, Quantizer { readonly kind: 'quant' }
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
  | QuantLayer
  | IdentityLayer;

export type LayerOf<K extends LayerKind> = Extract<Layer, { kind: K }>;

/** A registry that must handle every layer kind: adding a kind fails `tsc` until every stage handles it. */
export type KindRegistry<H extends { [K in LayerKind]: unknown }> = H;

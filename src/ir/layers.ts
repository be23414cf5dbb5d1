import type { FixedType } from '../fixed/fixed-type.ts';
import type { Quantizer } from './quantizer.ts';
import type { SoftmaxImplementation } from '../fixed/softmax-hls4ml.ts';

/**
 * Layer kinds of the IR. Target-free and framework-free: ONNX `Relu` and Keras `ReLU` both become `{ kind: 'relu' }`.
 * Weights are Float64Array in float (the quantization to the weight type happens in the emulator/backends through
 * src/fixed, from the `precision` fields, so all three implementations quantize the same way).
 */
export type LayerKind = Layer['kind'];

/** Named precision variables, as in hls4ml's `Precision: {weight, bias, accum, result, table, ...}`. */
export type PrecisionVar =
  | 'result' | 'weight' | 'bias' | 'accum' | 'scale' | 'param' | 'table' | 'exp_table' | 'inv_table'
  // recurrent layers (docs/arithmetic.md, "Recurrent layers")
  | 'recurrent_weight' | 'recurrent_table' | 'state';
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
   * The model's own quantizer on this layer's output (a QONNX Quant or QKeras quantizer lowered to a cast to this
   * type by `import-qonnx`). The float evaluation, the reference of a quantized model, applies it: the trained model
   * computes Q(x), not x. Its overflows in the fixed-point emulation are the quantizer's intended saturation.
   */
  readonly quantizedAs?: FixedType;
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
export interface DenseLayer extends LayerBase, ProductAccumulation {
  readonly kind: 'dense';
  readonly nIn: number;
  readonly nOut: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** How a dense product accumulates (dense, conv, depthwise_conv; docs/arithmetic.md). */
export interface ProductAccumulation {
  /**
   * `'hls4ml'` (`Arithmetic: hls4ml`): each product is cast to accum before it is added, acc = Q_accum(acc +
   * Q_accum(x·w)); absent: the exact chain acc = Q_accum(acc + x·w) ("Dense").
   */
  readonly accumulation?: 'hls4ml';
}

/** y_i = x_i · scale_c + bias_c over the last axis (inference-time BatchNormalization) */
export interface BatchNormLayer extends LayerBase {
  readonly kind: 'batchnorm';
  readonly scale: Float64Array;
  readonly bias: Float64Array;
}

export interface ReluLayer extends LayerBase { readonly kind: 'relu' }
/** y = Q_result(|x|), the magnitude computed exactly (ONNX Abs) */
export interface AbsLayer extends LayerBase { readonly kind: 'abs' }
export interface LeakyReluLayer extends LayerBase { readonly kind: 'leaky_relu'; readonly alpha: number }
/** y = min(max(x, min), max); ReLU6 is clip(0, 6) */
export interface ClipLayer extends LayerBase { readonly kind: 'clip'; readonly min: number; readonly max: number }
/** `tableIndexing: 'hls4ml'`: hls4ml's table (left bin edges) and index (toward zero), docs/arithmetic.md */
export interface SigmoidLayer extends LayerBase { readonly kind: 'sigmoid'; readonly tableSize: number; readonly tableIndexing?: 'hls4ml' }
export interface TanhLayer extends LayerBase { readonly kind: 'tanh'; readonly tableSize: number; readonly tableIndexing?: 'hls4ml' }
/**
 * softmax over the last axis; `implementation` picks the algorithm (absent = 'hlsforge', docs/arithmetic.md "Softmax";
 * the others are hls4ml's, "hls4ml-compatible arithmetic"), with hls4ml's separate exp/inverse table sizes
 */
export interface SoftmaxLayer extends LayerBase {
  readonly kind: 'softmax';
  readonly tableSize: number;
  readonly implementation?: SoftmaxImplementation;
  readonly expTableSize?: number;
  readonly invTableSize?: number;
}
/** y = x > 0 ? x : α_c · x, α_c one slope per channel of the last axis (Keras PReLU, ONNX PRelu) */
export interface PreluLayer extends LayerBase { readonly kind: 'prelu'; readonly alpha: Float64Array }
/** y = clip(α·x + β, 0, 1); Keras 2: α = 0.2, β = 0.5; Keras 3: α = 1/6, β = 0.5 (docs/arithmetic.md) */
export interface HardSigmoidLayer extends LayerBase { readonly kind: 'hard_sigmoid'; readonly alpha: number; readonly beta: number }
/** y = clip(x, −1, 1), computed by the clip kernels */
export interface HardTanhLayer extends LayerBase { readonly kind: 'hard_tanh' }
/** y = x > θ ? x : 0 */
export interface ThresholdedReluLayer extends LayerBase { readonly kind: 'thresholded_relu'; readonly theta: number }
/** y = x > 0 ? 1 : −1 */
export interface BinaryTanhLayer extends LayerBase { readonly kind: 'binary_tanh' }
/** y = x > θ ? 1 : x > −θ ? 0 : −1 (θ = 0.5 in hls4ml) */
export interface TernaryTanhLayer extends LayerBase { readonly kind: 'ternary_tanh'; readonly threshold: number }
/** y = x > 0 ? x : α·(e^x − 1), the negative side by lookup table */
export interface EluLayer extends LayerBase { readonly kind: 'elu'; readonly alpha: number; readonly tableSize: number }
/** y = λ·(x > 0 ? x : α·(e^x − 1)), the negative side by lookup table (SELU_ALPHA, SELU_SCALE by default) */
export interface SeluLayer extends LayerBase { readonly kind: 'selu'; readonly alpha: number; readonly scale: number; readonly tableSize: number }
/** y = log(1 + e^x), by lookup table, exactly x far right */
export interface SoftplusLayer extends LayerBase { readonly kind: 'softplus'; readonly tableSize: number }
/** y = x / (1 + |x|), by lookup table */
export interface SoftsignLayer extends LayerBase { readonly kind: 'softsign'; readonly tableSize: number }
/** y = x · sigmoid(x) (SiLU, Swish), by lookup table, exactly x far right */
export interface SiluLayer extends LayerBase { readonly kind: 'silu'; readonly tableSize: number }

/** The SELU constants (Klambauer et al. 2017), as Keras and ONNX's defaults write them (float32). */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;
/** y = x cast to the result type */
export interface LinearLayer extends LayerBase { readonly kind: 'linear' }
/**
 * A QONNX quantizer on activations (Quant/IntQuant, BipolarQuant, Trunc), lowered to fixed-point types by the
 * `import-qonnx` pass; see src/ir/quantizer.ts for its exact semantics. scale and zeroPoint hold 1 value (per tensor)
 * or one per channel of the last axis. A 1-bit signed quantizer is bipolar, as in QONNX: y = s · (x/s + z ≥ 0 ? 1 : −1).
 */
export interface QuantLayer extends LayerBase, Quantizer { readonly kind: 'quant' }
/** no-op on data (Identity, Dropout); removed by the `remove-identity` pass */
export interface IdentityLayer extends LayerBase { readonly kind: 'identity' }

/**
 * A new shape for the same row-major data (Flatten, Reshape): no data movement, no cast; the input's type passes
 * through. `shape` is the output shape.
 */
export interface ReshapeLayer extends LayerBase { readonly kind: 'reshape' }
/** Output axis a is input axis perm[a] (ONNX Transpose, Keras Permute with the batch axis removed); no cast. */
export interface TransposeLayer extends LayerBase { readonly kind: 'transpose'; readonly perm: readonly number[] }

/** The element-wise merges of two or more tensors of the same shape (Keras merge layers, ONNX Add/Sub/Mul/Max/Min/Sum). */
export type MergeOp = 'add' | 'subtract' | 'multiply' | 'average' | 'maximum' | 'minimum';
/**
 * y_i = Q_result(op(x0_i, x1_i, …)), the op computed exactly (docs/arithmetic.md, "Merges"): sums and products of
 * mantissas on the common grid, average = exact sum · 2^−k for 2^k inputs, maximum/minimum by exact comparison.
 */
export interface MergeLayer extends LayerBase { readonly kind: 'merge'; readonly op: MergeOp }
/** y = the inputs laid side by side along `axis` (of the output shape, no batch axis), each element Q_result(x). */
export interface ConcatenateLayer extends LayerBase { readonly kind: 'concatenate'; readonly axis: number }
/** y = Q_result(Σ_i a_i · b_i), summed exactly, of two 1-D tensors of equal length (Keras Dot(axes=1)). */
export interface DotLayer extends LayerBase { readonly kind: 'dot' }


/**
 * The geometry of a sliding window over the spatial axes of a channels-last tensor [S_1, …, S_r, C] (r = 1 or 2:
 * Conv1D/Conv2D, pooling). Per spatial axis a: `kernel[a]` taps, `strides[a]`, `dilations[a]`, and zero padding
 * `padBegin[a]` before and `padEnd[a]` after. Output extent: ⌊(S + padBegin + padEnd − dilation·(kernel − 1) − 1) /
 * stride⌋ + 1. Tap t (row-major over `kernel`) of output position p reads input position p·stride + t·dilation −
 * padBegin, or nothing when that falls in the padding (src/ir/window.ts computes the gather once for everyone).
 */
export interface Window {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padBegin: readonly number[];
  readonly padEnd: readonly number[];
}

/**
 * Convolution (Keras Conv1D/Conv2D, ONNX Conv with group 1), channels-last:
 * y[p, f] = b_f + Σ_t Σ_c x[tap(p, t), c] · W[t][c][f]. Weights row-major [taps…][nIn][nOut] (Keras's kernel layout):
 * for each output position, a dense layer over the im2col vector i = t·nIn + c (docs/arithmetic.md, "Convolution").
 */
export interface ConvLayer extends LayerBase, Window, ProductAccumulation {
  readonly kind: 'conv';
  /** input channels */
  readonly nIn: number;
  /** filters (output channels) */
  readonly nOut: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/**
 * Depthwise convolution (Keras DepthwiseConv1D/2D, the first half of SeparableConv, ONNX Conv with group = channels):
 * y[p, c·m + k] = b[c·m + k] + Σ_t x[tap(p, t), c] · W[t][c][k], with m = `multiplier`. Weights row-major [taps…][C][m].
 */
export interface DepthwiseConvLayer extends LayerBase, Window, ProductAccumulation {
  readonly kind: 'depthwise_conv';
  readonly channels: number;
  readonly multiplier: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export type PoolOp = 'max' | 'average';
/**
 * Max or average pooling per channel over a window (Keras MaxPooling/AveragePooling/Global…Pooling, ONNX
 * MaxPool/AveragePool/GlobalMaxPool/GlobalAveragePool). Padding taps never take part in a maximum; in an average
 * they count only when `countPad` (ONNX count_include_pad = 1). Average: y = Q_result(Σ x · r_n), the sum exact and
 * r_n = 1/n rounded once (src/fixed/reciprocal.ts; exact for n = 2^k).
 */
export interface PoolLayer extends LayerBase, Window {
  readonly kind: 'pool';
  readonly op: PoolOp;
  readonly countPad: boolean;
}

/** Zero padding of the spatial axes (Keras ZeroPadding1D/2D, ONNX Pad with constant 0); no cast, the type passes. */
export interface PadLayer extends LayerBase {
  readonly kind: 'pad';
  readonly padBegin: readonly number[];
  readonly padEnd: readonly number[];
}
/** Cropping of the spatial axes (Keras Cropping1D/2D); no cast. */
export interface CropLayer extends LayerBase {
  readonly kind: 'crop';
  readonly cropBegin: readonly number[];
  readonly cropEnd: readonly number[];
}
/** Nearest-neighbour upsampling of the spatial axes by integer factors (Keras UpSampling1D/2D, ONNX Resize nearest). */
export interface UpsampleLayer extends LayerBase {
  readonly kind: 'upsample';
  readonly factors: readonly number[];
}

export type Layer =
  | InputLayer
  | DenseLayer
  | BatchNormLayer
  | ReluLayer
  | AbsLayer
  | LeakyReluLayer
  | ClipLayer
  | SigmoidLayer
  | TanhLayer
  | SoftmaxLayer
  | LinearLayer
  | QuantLayer
  | IdentityLayer
  | ReshapeLayer
  | TransposeLayer
  | MergeLayer
  | ConcatenateLayer
  | DotLayer
  | PreluLayer
  | HardSigmoidLayer
  | HardTanhLayer
  | ThresholdedReluLayer
  | BinaryTanhLayer
  | TernaryTanhLayer
  | EluLayer
  | SeluLayer
  | SoftplusLayer
  | SoftsignLayer
  | SiluLayer
  | ConvLayer
  | DepthwiseConvLayer
  | PoolLayer
  | PadLayer
  | CropLayer
  | UpsampleLayer
  | LstmLayer
  | GruLayer
  | SimpleRnnLayer;

/**
 * The activations a recurrent layer applies inside its cell (docs/arithmetic.md, "Recurrent layers"): tanh and sigmoid
 * by lookup table, hard_sigmoid y = clip(α·x + β, 0, 1) exactly (Keras 2: α = 0.2; Keras 3: α = 1/6; β = 0.5), relu,
 * linear.
 */
export type CellActivation =
  | { readonly fn: 'tanh' | 'sigmoid' | 'relu' | 'linear' }
  | { readonly fn: 'hard_sigmoid'; readonly alpha: number; readonly beta: number };

/**
 * What LSTM, GRU and SimpleRNN share. Input [steps, nIn], output [steps, units] (returnSequences) or [units].
 * Weights in Keras's layout, gates side by side along the columns (G gates: LSTM 4 in the order i, f, c, o; GRU 3 in
 * the order z, r, h; SimpleRNN 1): `kernel` row-major [nIn][G·units], `recurrentKernel` [units][G·units], `bias` and
 * `recurrentBias` [G·units] (zeros where the model has none; only GRU with reset_after and ONNX models have a
 * recurrent bias). The state starts at zero.
 */
export interface RecurrentBase extends LayerBase {
  readonly units: number;
  readonly nIn: number;
  readonly steps: number;
  readonly returnSequences: boolean;
  /** reads the time steps from the last to the first (Keras go_backwards, ONNX direction "reverse") */
  readonly goBackwards: boolean;
  /**
   * with returnSequences: the output of processing step k is written at time T−1−k, so that a backwards layer's
   * outputs line up with its inputs in time (Bidirectional's backward half, ONNX "reverse"); Keras go_backwards alone
   * returns them in processing order (false).
   */
  readonly reverseOutputs: boolean;
  readonly activation: CellActivation;
  readonly kernel: Float64Array;
  readonly recurrentKernel: Float64Array;
  readonly bias: Float64Array;
  readonly recurrentBias: Float64Array;
  /** entries of the tanh/sigmoid tables (both activations), a power of two */
  readonly tableSize: number;
}

/** Keras LSTM / ONNX LSTM: gates i, f, c, o. c_t = f·c_{t−1} + i·act(z_c); h_t = o·act(c_t). */
export interface LstmLayer extends RecurrentBase { readonly kind: 'lstm'; readonly recurrentActivation: CellActivation }
/**
 * Keras GRU / ONNX GRU: gates z, r, h. resetAfter (Keras reset_after = True, ONNX linear_before_reset = 1):
 * h̃ = act(x·W_h + b_h + r·(h·U_h + br_h)); otherwise h̃ = act(x·W_h + b_h + (r·h)·U_h + br_h).
 * h_t = z·h_{t−1} + (1 − z)·h̃.
 */
export interface GruLayer extends RecurrentBase { readonly kind: 'gru'; readonly recurrentActivation: CellActivation; readonly resetAfter: boolean }
/** Keras SimpleRNN / ONNX RNN: h_t = act(x·W + b + h_{t−1}·U + br). */
export interface SimpleRnnLayer extends RecurrentBase { readonly kind: 'simple_rnn' }

export type RecurrentLayer = LstmLayer | GruLayer | SimpleRnnLayer;

export type LayerOf<K extends LayerKind> = Extract<Layer, { kind: K }>;

/** A registry that must handle every layer kind: adding a kind fails `tsc` until every stage handles it. */
export type KindRegistry<H extends { [K in LayerKind]: unknown }> = H;

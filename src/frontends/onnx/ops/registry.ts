import type { OpHandler } from '../op-context.ts';
import { Abs } from './Abs.ts';
import { Add } from './Add.ts';
import { BatchNormalization, batchNormalizationOn } from './BatchNormalization.ts';
import { BipolarQuant } from './BipolarQuant.ts';
import { Cast } from './Cast.ts';
import { Clip } from './Clip.ts';
import { Concat } from './Concat.ts';
import { Conv } from './Conv.ts';
import { convOp } from '../conv.ts';
import { AveragePool } from './AveragePool.ts';
import { GlobalAveragePool } from './GlobalAveragePool.ts';
import { GlobalMaxPool } from './GlobalMaxPool.ts';
import { MaxPool } from './MaxPool.ts';
import { Pad } from './Pad.ts';
import { poolOp } from '../pool.ts';
import { Resize } from './Resize.ts';
import { Upsample } from './Upsample.ts';
import { constOnly } from './const-only.ts';
import { Constant } from './Constant.ts';
import { Div } from './Div.ts';
import { Dropout } from './Dropout.ts';
import { Flatten } from './Flatten.ts';
import { Gather } from './Gather.ts';
import { Gemm } from './Gemm.ts';
import { GRU } from './GRU.ts';
import { LSTM } from './LSTM.ts';
import { RNN } from './RNN.ts';
import { Identity } from './Identity.ts';
import { LeakyRelu } from './LeakyRelu.ts';
import { MatMul } from './MatMul.ts';
import { Max } from './Max.ts';
import { Mean } from './Mean.ts';
import { Min } from './Min.ts';
import { Mul } from './Mul.ts';
import { Neg } from './Neg.ts';
import { Quant } from './Quant.ts';
import { Relu } from './Relu.ts';
import { Reshape } from './Reshape.ts';
import { Shape } from './Shape.ts';
import { Sigmoid } from './Sigmoid.ts';
import { Softmax } from './Softmax.ts';
import { Squeeze } from './Squeeze.ts';
import { Sub } from './Sub.ts';
import { Sum } from './Sum.ts';
import { Tanh } from './Tanh.ts';
import { Transpose } from './Transpose.ts';
import { Trunc } from './Trunc.ts';
import { Unsqueeze } from './Unsqueeze.ts';
import { Elu } from './Elu.ts';
import { HardSigmoid } from './HardSigmoid.ts';
import { PRelu } from './PRelu.ts';
import { Selu } from './Selu.ts';
import { Softplus } from './Softplus.ts';
import { Softsign } from './Softsign.ts';
import { ThresholdedRelu } from './ThresholdedRelu.ts';

/**
 * Every ONNX op (default domain) the frontend translates, by op type. Ops whose inputs are all constants are first
 * offered to the constant evaluator (../fold); the ops listed as `constOnly` exist only there.
 */
export const OPS: Readonly<Record<string, OpHandler>> = {
  Gemm, MatMul, BatchNormalization,
  Conv, MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool, Pad, Resize, Upsample,
  Add, Sub, Mul, Div, Sum, Mean, Max, Min, Neg, Abs,
  Relu, LeakyRelu, Clip, Sigmoid, Tanh, Softmax,
  Concat, Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Identity, Dropout, Cast,
  Constant, Shape, Gather, ConstantOfShape: constOnly, Expand: constOnly, Slice: constOnly,
  Pow: constOnly, Sqrt: constOnly, Reciprocal: constOnly,
  Elu, Selu, PRelu, Softplus, Softsign, HardSigmoid, ThresholdedRelu,
  LSTM, GRU, RNN,
};

export const SUPPORTED_OPS = Object.keys(OPS).join(', ');

/** Ops of real models that have no IR layer yet, with what they need: a clearer error than "unsupported". */
export const NOT_YET: Readonly<Record<string, string>> = {
  ConvTranspose: 'transposed convolution layers',
};

/** QONNX quantizers (custom domains listed in ../qonnx.ts); IntQuant is Quant's newer name. */
export const QONNX_OPS: Readonly<Record<string, OpHandler>> = { Quant, IntQuant: Quant, BipolarQuant, Trunc };

export const SUPPORTED_QONNX_OPS = Object.keys(QONNX_OPS).join(', ');

/** QONNX's `qonnx.custom_op.channels_last` domain: the same ops on channels-last tensors [batch, spatial…, C]. */
export const CHANNELS_LAST_DOMAINS: readonly string[] = ['qonnx.custom_op.channels_last', 'finn.custom_op.channels_last'];
export const CHANNELS_LAST_OPS: Readonly<Record<string, OpHandler>> = {
  Conv: convOp('last'), MaxPool: poolOp('max', 'last'), AveragePool: poolOp('average', 'last'), BatchNormalization: batchNormalizationOn('last'),
};

export const SUPPORTED_CHANNELS_LAST_OPS = Object.keys(CHANNELS_LAST_OPS).join(', ');

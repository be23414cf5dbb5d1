import type { OpHandler } from '../op-context.ts';
import { Add } from './Add.ts';
import { BatchNormalization } from './BatchNormalization.ts';
import { BipolarQuant } from './BipolarQuant.ts';
import { Clip } from './Clip.ts';
import { Constant } from './Constant.ts';
import { Dropout } from './Dropout.ts';
import { Flatten } from './Flatten.ts';
import { Gemm } from './Gemm.ts';
import { Identity } from './Identity.ts';
import { LeakyRelu } from './LeakyRelu.ts';
import { MatMul } from './MatMul.ts';
import { Quant } from './Quant.ts';
import { Relu } from './Relu.ts';
import { Reshape } from './Reshape.ts';
import { Sigmoid } from './Sigmoid.ts';
import { Softmax } from './Softmax.ts';
import { Tanh } from './Tanh.ts';
import { Trunc } from './Trunc.ts';
import { Elu } from './Elu.ts';
import { HardSigmoid } from './HardSigmoid.ts';
import { PRelu } from './PRelu.ts';
import { Selu } from './Selu.ts';
import { Softplus } from './Softplus.ts';
import { Softsign } from './Softsign.ts';
import { ThresholdedRelu } from './ThresholdedRelu.ts';

/** Every ONNX op (default domain) the frontend translates, by op type. */
export const OPS: Readonly<Record<string, OpHandler>> = {
  Gemm, MatMul, Add, BatchNormalization,
  Relu, LeakyRelu, Clip, Sigmoid, Tanh, Softmax,
  Flatten, Reshape, Identity, Dropout, Constant,
  Elu, Selu, PRelu, Softplus, Softsign, HardSigmoid, ThresholdedRelu,
};

export const SUPPORTED_OPS = Object.keys(OPS).join(', ');

/** QONNX quantizers (custom domains listed in ../qonnx.ts); IntQuant is Quant's newer name. */
export const QONNX_OPS: Readonly<Record<string, OpHandler>> = { Quant, IntQuant: Quant, BipolarQuant, Trunc };

export const SUPPORTED_QONNX_OPS = Object.keys(QONNX_OPS).join(', ');

import type { OpHandler } from '../op-context.ts';
import { Add } from './Add.ts';
import { BatchNormalization } from './BatchNormalization.ts';
import { Clip } from './Clip.ts';
import { Constant } from './Constant.ts';
import { Dropout } from './Dropout.ts';
import { Flatten } from './Flatten.ts';
import { Gemm } from './Gemm.ts';
import { Identity } from './Identity.ts';
import { LeakyRelu } from './LeakyRelu.ts';
import { MatMul } from './MatMul.ts';
import { Relu } from './Relu.ts';
import { Reshape } from './Reshape.ts';
import { Sigmoid } from './Sigmoid.ts';
import { Softmax } from './Softmax.ts';
import { Tanh } from './Tanh.ts';

/** Every ONNX op (default domain) the frontend translates, by op type. */
export const OPS: Readonly<Record<string, OpHandler>> = {
  Gemm, MatMul, Add, BatchNormalization,
  Relu, LeakyRelu, Clip, Sigmoid, Tanh, Softmax,
  Flatten, Reshape, Identity, Dropout, Constant,
};

export const SUPPORTED_OPS = Object.keys(OPS).join(', ');

import type { LayerKind } from '../../ir/layers.ts';
import type { Kernel } from '../kernel.ts';
import { batchnorm } from './batchnorm.ts';
import { concatenate } from './concatenate.ts';
import { dot } from './dot.ts';
import { merge } from './merge.ts';
import { reshape } from './reshape.ts';
import { transpose } from './transpose.ts';
import { clip } from './clip.ts';
import { dense } from './dense.ts';
import { identity } from './identity.ts';
import { input } from './input.ts';
import { leakyRelu } from './leaky-relu.ts';
import { linear } from './linear.ts';
import { quant } from './quant.ts';
import { relu } from './relu.ts';
import { abs } from './abs.ts';
import { sigmoid } from './sigmoid.ts';
import { softmax } from './softmax.ts';
import { tanh } from './tanh.ts';
import { prelu } from './prelu.ts';
import { hardSigmoid } from './hard-sigmoid.ts';
import { hardTanh } from './hard-tanh.ts';
import { thresholdedRelu } from './thresholded-relu.ts';
import { binaryTanh, ternaryTanh } from './sign-activations.ts';
import { lstm } from './recurrent/lstm.ts';
import { gru } from './recurrent/gru.ts';
import { simpleRnn } from './recurrent/simple-rnn.ts';
import { elu, selu, silu, softplus, softsign } from './table-activations.ts';
import { conv } from './conv.ts';
import { depthwiseConv } from './depthwise-conv.ts';
import { pool } from './pool.ts';
import { pad } from './pad.ts';
import { crop } from './crop.ts';
import { upsample } from './upsample.ts';

/** One emulator kernel per layer kind; a new kind fails tsc until it is added here. */
export const KERNELS: { [K in LayerKind]: Kernel<K> } = {
  input,
  dense,
  batchnorm,
  relu,
  abs,
  leaky_relu: leakyRelu,
  clip,
  sigmoid,
  tanh,
  softmax,
  linear,
  quant,
  identity,
  reshape,
  transpose,
  merge,
  concatenate,
  dot,
  prelu,
  hard_sigmoid: hardSigmoid,
  hard_tanh: hardTanh,
  thresholded_relu: thresholdedRelu,
  binary_tanh: binaryTanh,
  ternary_tanh: ternaryTanh,
  elu,
  selu,
  softplus,
  softsign,
  silu,
  conv,
  depthwise_conv: depthwiseConv,
  pool,
  pad,
  crop,
  upsample,
  lstm,
  gru,
  simple_rnn: simpleRnn,
};

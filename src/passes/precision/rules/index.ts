import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { conv, depthwiseConv } from './conv.ts';
import { dense } from './dense.ts';
import { pool } from './pool.ts';
import { spatialMove } from './spatial-move.ts';
import { abs, batchnorm, clip, input, leakyRelu, linear, quant, relu } from './elementwise.ts';
import { concatenate, dot, merge, reshape, transpose } from './merge.ts';
import { binaryTanh, hardSigmoid, hardTanh, prelu, ternaryTanh, thresholdedRelu } from './exact-activations.ts';
import { firstInShape, type Rule } from './rule.ts';

import { recurrent } from './recurrent.ts';
import { tableActivation } from './table-activations.ts';
import { sigmoid, softmax, tanh } from './tables.ts';

/** Value-range rules of every layer kind (adding a kind fails tsc until it has one). */
export const RULES: KindRegistry<{ [K in LayerKind]: Rule<K> }> = {
  conv,
  depthwise_conv: depthwiseConv,
  pool,
  pad: (l, x, _c, _all, s) => spatialMove(l, x, firstInShape(l, s)),
  crop: (l, x, _c, _all, s) => spatialMove(l, x, firstInShape(l, s)),
  upsample: (l, x, _c, _all, s) => spatialMove(l, x, firstInShape(l, s)),
  input,
  dense,
  batchnorm,
  relu,
  abs,
  leaky_relu: leakyRelu,
  clip,
  sigmoid: (l, x, c, all, s) => sigmoid(l, x, c, all, s),
  tanh: (l, x, c, all, s) => tanh(l, x, c, all, s),
  softmax,
  linear: (l, x, c, all, s) => linear(l, x, c, all, s),
  quant,
  identity: (l, x, c, all, s) => linear(l, x, c, all, s),
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
  elu: (l, x, c, all, s) => tableActivation(l, x, c, all, s),
  selu: (l, x, c, all, s) => tableActivation(l, x, c, all, s),
  softplus: (l, x, c, all, s) => tableActivation(l, x, c, all, s),
  softsign: (l, x, c, all, s) => tableActivation(l, x, c, all, s),
  silu: (l, x, c, all, s) => tableActivation(l, x, c, all, s),
  lstm: (l, x, c, all, s) => recurrent(l, x, c, all, s),
  gru: (l, x, c, all, s) => recurrent(l, x, c, all, s),
  simple_rnn: (l, x, c, all, s) => recurrent(l, x, c, all, s),
};

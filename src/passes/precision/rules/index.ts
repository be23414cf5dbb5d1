import { pending } from '../../../diagnostics/pending.ts';
import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { dense } from './dense.ts';
import { abs, batchnorm, clip, input, leakyRelu, linear, quant, relu } from './elementwise.ts';
import { concatenate, dot, merge, reshape, transpose } from './merge.ts';
import { binaryTanh, hardSigmoid, hardTanh, prelu, ternaryTanh, thresholdedRelu } from './exact-activations.ts';
import type { Rule } from './rule.ts';
import { recurrent } from './recurrent.ts';
import { tableActivation } from './table-activations.ts';
import { sigmoid, softmax, tanh } from './tables.ts';

/** Value-range rules of every layer kind (adding a kind fails tsc until it has one). */
export const RULES: KindRegistry<{ [K in LayerKind]: Rule<K> }> = {
  conv: pending('precision inference'),
  depthwise_conv: pending('precision inference'),
  pool: pending('precision inference'),
  pad: pending('precision inference'),
  crop: pending('precision inference'),
  upsample: pending('precision inference'),
  input,
  dense,
  batchnorm,
  relu,
  abs,
  leaky_relu: leakyRelu,
  clip,
  sigmoid: (l, x, c, all) => sigmoid(l, x, c, all),
  tanh: (l, x, c, all) => tanh(l, x, c, all),
  softmax,
  linear: (l, x, c, all) => linear(l, x, c, all),
  quant,
  identity: (l, x, c, all) => linear(l, x, c, all),
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
  elu: (l, x, c, all) => tableActivation(l, x, c, all),
  selu: (l, x, c, all) => tableActivation(l, x, c, all),
  softplus: (l, x, c, all) => tableActivation(l, x, c, all),
  softsign: (l, x, c, all) => tableActivation(l, x, c, all),
  silu: (l, x, c, all) => tableActivation(l, x, c, all),
  lstm: (l, x, c, all) => recurrent(l, x, c, all),
  gru: (l, x, c, all) => recurrent(l, x, c, all),
  simple_rnn: (l, x, c, all) => recurrent(l, x, c, all),
};

import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { dense } from './dense.ts';
import { batchnorm, clip, input, leakyRelu, linear, quant, relu } from './elementwise.ts';
import type { Rule } from './rule.ts';
import { sigmoid, softmax, tanh } from './tables.ts';

/** Value-range rules of every layer kind (adding a kind fails tsc until it has one). */
export const RULES: KindRegistry<{ [K in LayerKind]: Rule<K> }> = {
  input,
  dense,
  batchnorm,
  relu,
  leaky_relu: leakyRelu,
  clip,
  sigmoid: (l, x, c) => sigmoid(l, x, c),
  tanh: (l, x, c) => tanh(l, x, c),
  softmax,
  linear: (l, x, c) => linear(l, x, c),
  quant,
  identity: (l, x, c) => linear(l, x, c),
};

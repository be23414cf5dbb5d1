import { fail } from '../../../diagnostics/diagnostic.ts';
import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { concatenate } from './concatenate.ts';
import { conv, depthwiseConv } from './conv.ts';
import { crop, pad, upsample } from './move.ts';
import { pool } from './pool.ts';
import { dense } from './dense.ts';
import { dot } from './dot.ts';
import { merge } from './merge.ts';
import { transpose } from './transpose.ts';
import { abs, batchnorm, clip, leakyRelu, linear, relu } from './elementwise.ts';
import { softmax } from './softmax.ts';
import { sigmoid, tanh } from './tables.ts';
import { binaryTanh, hardSigmoid, hardTanh, prelu, ternaryTanh, thresholdedRelu } from './exact-activations.ts';
import { tableActivation } from './table-activations.ts';
import { gru, lstm, simpleRnn } from './recurrent/kinds.ts';
import type { RtlLayer } from './types.ts';

/** Hardware generator of every layer kind (adding a kind fails tsc until it is handled here). */
export const RTL_LAYERS: KindRegistry<{ [K in LayerKind]: RtlLayer<K> }> = {
  conv,
  depthwise_conv: depthwiseConv,
  pool,
  pad,
  crop,
  upsample,
  input: () => undefined, // the top registers the input; the layer itself is a wire
  identity: () => undefined, // no-op: its input passes through with its own type (as in the emulator)
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
  reshape: () => undefined, // the same row-major data under a new shape: a wire
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
  elu: tableActivation,
  selu: tableActivation,
  softplus: tableActivation,
  softsign: tableActivation,
  silu: tableActivation,
  quant: (l) => { throw fail('unsupported-op', { layer: l.name, op: l.origin?.op ?? l.kind }, 'a QONNX quantizer must be lowered by the import-qonnx pass before the RTL backend'); },
  // recurrent layers: one datapath iterating the time steps (recurrent/sequencer.ts)
  lstm,
  gru,
  simple_rnn: simpleRnn,
};

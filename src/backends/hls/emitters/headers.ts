import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';

/**
 * The hls/nnet headers each layer kind's kernels live in: parameters.h includes exactly those of the kinds the model
 * uses (and nnet_common.h). Exhaustive: a new kind fails `tsc` here until it names its headers.
 */
export const HLS_HEADERS: KindRegistry<{ [K in LayerKind]: readonly string[] }> = {
  conv: ['nnet_conv.h'],
  depthwise_conv: ['nnet_depthwise_conv.h'],
  pool: ['nnet_pooling.h'],
  pad: ['nnet_padding.h'],
  crop: ['nnet_padding.h'],
  upsample: ['nnet_image.h'],
  input: [],
  dense: ['nnet_dense.h'],
  batchnorm: ['nnet_batchnorm.h'],
  relu: ['nnet_activation.h'],
  abs: ['nnet_activation.h'],
  leaky_relu: ['nnet_activation.h'],
  clip: ['nnet_activation.h'],
  sigmoid: ['nnet_activation.h', 'nnet_softmax_hls4ml.h'],
  tanh: ['nnet_activation.h', 'nnet_softmax_hls4ml.h'],
  softmax: ['nnet_activation.h', 'nnet_softmax_hls4ml.h'],
  linear: ['nnet_activation.h'],
  prelu: ['nnet_activation.h'],
  hard_sigmoid: ['nnet_activation.h'],
  hard_tanh: ['nnet_activation.h'],
  thresholded_relu: ['nnet_activation.h'],
  binary_tanh: ['nnet_activation.h'],
  ternary_tanh: ['nnet_activation.h'],
  elu: ['nnet_activation.h'],
  selu: ['nnet_activation.h'],
  softplus: ['nnet_activation.h'],
  softsign: ['nnet_activation.h'],
  silu: ['nnet_activation.h'],
  quant: [],
  identity: [],
  reshape: [],
  transpose: ['nnet_transpose.h'],
  merge: ['nnet_merge.h'],
  concatenate: ['nnet_concatenate.h'],
  dot: ['nnet_merge.h'],
  lstm: ['nnet_recurrent.h'],
  gru: ['nnet_recurrent.h'],
  simple_rnn: ['nnet_recurrent.h'],
};

/** The headers a graph's layers need, sorted, nnet_common.h first. */
export function headersFor(kinds: Iterable<LayerKind>): string[] {
  const set = new Set<string>();
  for (const k of kinds) for (const h of HLS_HEADERS[k]) set.add(h);
  return ['nnet_common.h', ...[...set].sort()];
}

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { packingOf } from './packing.ts';
import { streamGru, streamLstm, streamSimpleRnn } from './recurrent-stream.ts';
import { streamCrop, streamPad, streamUpsample } from './spatial-emitters.ts';
import type { StreamEmission, StreamEmitter } from './stream-emission.ts';
import { streamConv, streamDepthwise, streamPool } from './window-emitters.ts';

const perPack = (): StreamEmission => ({ kind: 'steps', perPack: true });
const whole = (): StreamEmission => ({ kind: 'steps', perPack: false });

/**
 * How every layer kind streams (stream-emission.ts). Exhaustive: a new kind fails `tsc` here until io_stream handles it.
 * Elementwise and last-axis kinds (batchnorm, prelu and softmax act on the channels of one pixel) run pack by pack.
 */
export const HLS_STREAM_RULES: KindRegistry<{ [K in LayerKind]: StreamEmitter<K> }> = {
  input: () => ({ kind: 'alias' }),
  identity: () => ({ kind: 'alias' }),
  // a reshape keeping the pack size keeps the stream; otherwise the builder inserts nnet::repack
  reshape: () => ({ kind: 'alias' }),
  quant: (l) => {
    throw fail('unsupported-op', { layer: l.name, op: l.origin?.op ?? l.kind }, 'a QONNX quantizer must be lowered by the import-qonnx pass before the HLS backend');
  },
  dense: (l, ctx) => (packingOf(ctx.input.shape).pack === l.nIn ? perPack() : whole()),
  batchnorm: perPack,
  relu: perPack,
  abs: perPack,
  leaky_relu: perPack,
  clip: perPack,
  sigmoid: perPack,
  tanh: perPack,
  softmax: perPack,
  linear: perPack,
  prelu: perPack,
  hard_sigmoid: perPack,
  hard_tanh: perPack,
  thresholded_relu: perPack,
  binary_tanh: perPack,
  ternary_tanh: perPack,
  elu: perPack,
  selu: perPack,
  softplus: perPack,
  softsign: perPack,
  silu: perPack,
  merge: perPack,
  // along the channels (the last axis of a tensor with spatial axes): each output pack is the inputs' packs side by side
  concatenate: (l) =>
    l.shape.length >= 2 && l.axis === l.shape.length - 1 ? { kind: 'steps', perPack: true, layer: { ...l, shape: [l.shape[l.axis]], axis: 0 } } : whole(),
  transpose: whole,
  dot: whole,
  conv: streamConv,
  depthwise_conv: streamDepthwise,
  pool: streamPool,
  pad: streamPad,
  crop: streamCrop,
  upsample: streamUpsample,
  // one time step per transfer, the state in registers (recurrent-stream.ts)
  lstm: streamLstm,
  gru: streamGru,
  simple_rnn: streamSimpleRnn,
};

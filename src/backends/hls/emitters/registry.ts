import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerEmitter } from '../emit-context.ts';
import { emitBatchNorm } from './batchnorm.ts';
import { emitClip } from './clip.ts';
import { emitConcatenate } from './concatenate.ts';
import { emitConv } from './conv.ts';
import { emitDepthwiseConv } from './depthwise-conv.ts';
import { emitDense } from './dense.ts';
import { emitDot } from './dot.ts';
import { emitAbs, emitIdentity, emitInput, emitLinear, emitRelu } from './elementwise.ts';
import { emitLeakyRelu } from './leaky-relu.ts';
import { emitMerge } from './merge.ts';
import { emitSigmoid, emitTableActivation, emitTanh } from './lookup.ts';
import { emitBinaryTanh, emitHardSigmoid, emitHardTanh, emitPrelu, emitTernaryTanh, emitThresholdedRelu } from './exact-activations.ts';
import { emitPool } from './pool.ts';
import { emitGru, emitLstm, emitSimpleRnn } from './recurrent.ts';
import { emitSoftmax } from './softmax.ts';
import { emitCrop, emitPad, emitUpsample } from './spatial-move.ts';
import { emitTranspose } from './transpose.ts';

/** One HLS emitter per layer kind: adding a kind to the IR fails `tsc` here until the backend handles it. */
export const HLS_EMITTERS: KindRegistry<{ [K in LayerKind]: LayerEmitter<K> }> = {
  conv: emitConv,
  depthwise_conv: emitDepthwiseConv,
  pool: emitPool,
  pad: emitPad,
  crop: emitCrop,
  upsample: emitUpsample,
  input: emitInput,
  dense: emitDense,
  batchnorm: emitBatchNorm,
  relu: emitRelu,
  abs: emitAbs,
  leaky_relu: emitLeakyRelu,
  clip: emitClip,
  sigmoid: emitSigmoid,
  tanh: emitTanh,
  softmax: emitSoftmax,
  linear: emitLinear,
  quant: (l) => { throw fail('unsupported-op', { layer: l.name, op: l.origin?.op ?? l.kind }, 'a QONNX quantizer must be lowered by the import-qonnx pass before the HLS backend'); },
  identity: emitIdentity,
  reshape: () => ({ kind: 'alias' }), // the same row-major data under a new shape
  transpose: emitTranspose,
  merge: emitMerge,
  concatenate: emitConcatenate,
  dot: emitDot,
  prelu: emitPrelu,
  hard_sigmoid: emitHardSigmoid,
  hard_tanh: emitHardTanh,
  thresholded_relu: emitThresholdedRelu,
  binary_tanh: emitBinaryTanh,
  ternary_tanh: emitTernaryTanh,
  elu: emitTableActivation,
  selu: emitTableActivation,
  softplus: emitTableActivation,
  softsign: emitTableActivation,
  silu: emitTableActivation,
  // recurrent layers (hls/nnet/nnet_recurrent.h)
  lstm: emitLstm,
  gru: emitGru,
  simple_rnn: emitSimpleRnn,
};

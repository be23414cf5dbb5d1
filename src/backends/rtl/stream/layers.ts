import { fail } from '../../../diagnostics/diagnostic.ts';
import { pending } from '../../../diagnostics/pending.ts';
import type { KindRegistry, LayerKind } from '../../../ir/layers.ts';
import { concatenateStream, pixelwise, wholeTensor } from './pixelwise.ts';
import { reshapeStream } from './reshape.ts';
import { upsampleStream } from './upsample.ts';
import { convStream, cropStream, depthwiseStream, padStream, poolStream } from './windowed.ts';
import { opOf, type StreamLayer } from './types.ts';

const wire = () => undefined;

/**
 * How each layer kind becomes io_stream hardware (adding a kind fails tsc until it is handled here): per pixel with
 * its io_parallel datapath (layers acting on the channel axis alone), on whole 1-D tensors only (transpose, dot),
 * repacked (reshape), or a wire.
 */
export const STREAM_LAYERS: KindRegistry<{ [K in LayerKind]: StreamLayer<K> }> = {
  conv: convStream,
  depthwise_conv: depthwiseStream,
  pool: poolStream,
  pad: padStream,
  crop: cropStream,
  upsample: upsampleStream,
  input: wire,
  identity: wire,
  dense: wholeTensor, // the IR's dense reads its whole input (1-D)
  batchnorm: pixelwise,
  relu: pixelwise,
  abs: pixelwise,
  leaky_relu: pixelwise,
  clip: pixelwise,
  sigmoid: pixelwise,
  tanh: pixelwise,
  softmax: pixelwise,
  linear: pixelwise,
  reshape: reshapeStream,
  transpose: wholeTensor,
  merge: pixelwise,
  concatenate: concatenateStream,
  dot: wholeTensor,
  prelu: pixelwise,
  hard_sigmoid: pixelwise,
  hard_tanh: pixelwise,
  thresholded_relu: pixelwise,
  binary_tanh: pixelwise,
  ternary_tanh: pixelwise,
  elu: pixelwise,
  selu: pixelwise,
  softplus: pixelwise,
  softsign: pixelwise,
  silu: pixelwise,
  lstm: pending('the RTL backend in io_stream'),
  gru: pending('the RTL backend in io_stream'),
  simple_rnn: pending('the RTL backend in io_stream'),
  quant: (l) => { throw fail('unsupported-op', { layer: l.name, op: opOf(l) }, 'a QONNX quantizer must be lowered by the import-qonnx pass before the RTL backend'); },
};

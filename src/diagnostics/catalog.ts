/**
 * Stable diagnostic codes → the fixed part of their message. The variable part (expected, actual, supported list)
 * is the `detail` passed at the throw site, following: `<thing> must be <expected>, not <actual>; supported: …`.
 * Append new codes; never renumber or reword an existing one without updating the tests that assert it.
 */
export const CATALOG = {
  // files and formats
  'file-not-found': 'file not found',
  'onnx-parse': 'not a valid ONNX model (protobuf decoding failed)',
  'onnx-empty': 'the ONNX model has no graph',
  'unsupported-op': 'unsupported operator',
  'unsupported-attribute': 'unsupported attribute value',
  'unsupported-opset': 'unsupported opset',
  'unsupported-model-format': 'unsupported model format',
  'missing-initializer': 'a weight tensor is missing',
  'unsupported-dtype': 'unsupported tensor data type',
  'shape-mismatch': 'shape mismatch',
  'bad-weights': 'weights must be finite numbers',
  'unsupported-topology': 'unsupported graph topology',
  'keras-parse': 'not a valid Keras model',
  'h5-parse': 'not a valid HDF5 file',
  'missing-weights': 'weights for a layer are missing',
  'unsupported-layer': 'unsupported layer class',
  'unsupported-quantizer': 'unsupported quantizer',
  // configuration
  'config-parse': 'not a valid YAML configuration',
  'config-unknown-key': 'unknown configuration key',
  'config-bad-value': 'bad configuration value',
  'config-unknown-layer': 'configuration names a layer the model does not have',
  'bad-precision': 'not a valid fixed-point type',
  'unsafe-name': 'unsafe name',
  'unsafe-path': 'unsafe output path',
  'bad-reuse-factor': 'invalid reuse factor',
  // data
  'input-parse': 'cannot read input vectors',
  'input-shape': 'input vectors have the wrong size',
  // tools
  'tool-missing': 'a required tool is not installed',
  'tool-failed': 'an external tool failed',
  'not-a-project': 'not an hlsforge project directory',
  'scheduler-failed': 'the job scheduler refused or lost the job',
  'synth-failed': 'synthesis of some sweep points failed',
  // robustness (docs/errors.md)
  'usage': 'command-line usage error',
  'bad-option': 'bad command-line option',
  'not-a-file': 'not a regular file',
  'too-large': 'exceeds a size limit',
  'cannot-write': 'cannot write the output',
  'unsupported-precision': 'precision outside what the emulator computes exactly',
  'interrupted': 'interrupted',
  // io_parallel limits (docs/hls.md, "Convolution family")
  'too-large-for-io-parallel': 'too large to unroll with IOType io_parallel',
} as const;

export type DiagCode = keyof typeof CATALOG;

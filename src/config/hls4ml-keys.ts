/**
 * Keys that hls4ml's config generators (config_from_keras_model, config_from_onnx_model, create_config) and its
 * documentation write, which hlsforge accepts but does not act on. Each comes with the reason printed in its one
 * warning (docs/configuration.md lists every key: honoured, warned or refused). Knowledge as data.
 */
export const NOT_HONOURED_TOP = {
  ClockUncertainty: 'the HLS scripts keep the tool default clock uncertainty',
  Version: 'the project is not versioned as an IP core',
  Stamp: 'no shared library is built, so no build stamp is needed',
  WriterConfig: 'the project layout is fixed (weights as C++ headers, no namespace, no tarball)',
  AcceleratorConfig: 'no accelerator wrapper (VivadoAccelerator) is written',
  InputShape: 'input shapes come from the model file',
  // Catapult and Bambu backend settings (create_initial_config of those backends)
  Technology: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  ASICLibs: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  FIFO: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  ASICFIFO: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  ProjectDir: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  ROMLocation: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  CopyNNET: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  CModelDefaultThreshold: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  BuildOptions: 'Catapult settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
  FPGAFamily: 'Bambu settings do not apply: hlsforge writes Vivado/Vitis HLS or Verilog',
} as const;

export const NOT_HONOURED_HLS_CONFIG = {
  Optimizers: 'the compiler passes are fixed (hlsforge convert --verbose lists them)',
  SkipOptimizers: 'the compiler passes are fixed (hlsforge convert --verbose lists them)',
  Flows: 'the compiler passes are fixed (hlsforge convert --verbose lists them)',
} as const;

/** Per-layer keys (also accepted at Model and LayerType level). */
export const NOT_HONOURED_LAYER = {
  Compression: 'weights are written uncompressed (zero weights already cost no multiplier)',
  ParallelizationFactor: 'a convolution computes one output position per ReuseFactor cycles in io_stream and all of them in io_parallel; set ReuseFactor',
  ConvImplementation: 'convolutions always use the line-buffer (io_stream) or the unrolled im2col (io_parallel) implementation',
  RecurrentReuseFactor: 'a recurrent layer shares its one ReuseFactor between the input and the recurrent products',
  Static: 'a recurrent layer is always static (one cell iterating the steps, the state in registers)',
  DepthwiseReuseFactor: "a separable convolution's halves are two layers, `<name>_depthwise` and `<name>`: set ReuseFactor on each by name",
  PointwiseReuseFactor: "a separable convolution's halves are two layers, `<name>_depthwise` and `<name>`: set ReuseFactor on each by name",
  ForwardReuseFactor: "a Bidirectional layer's directions are two layers (`<name>_forward`, `<name>_backward`): set ReuseFactor on each by name",
  BackwardReuseFactor: "a Bidirectional layer's directions are two layers (`<name>_forward`, `<name>_backward`): set ReuseFactor on each by name",
  ForwardRecurrentReuseFactor: "a Bidirectional layer's directions are two layers (`<name>_forward`, `<name>_backward`): set ReuseFactor on each by name",
  BackwardRecurrentReuseFactor: "a Bidirectional layer's directions are two layers (`<name>_forward`, `<name>_backward`): set ReuseFactor on each by name",
  TimeStepLoopParallelism: 'a TimeDistributed Dense is one dense layer over the steps; set its ReuseFactor',
  TableRangePower2: 'layer normalization is not supported yet',
  TargetCycles: 'the reuse factor is set directly (ReuseFactor), not derived from a cycle target',
} as const;

/** Model-wide keys. */
export const NOT_HONOURED_MODEL = {
  PipelineStyle: 'the top function is always pipelined (io_parallel)',
  PipelineInterval: 'the initiation interval follows from the reuse factors',
  ChannelsLastConversion: 'PyTorch models are read as ONNX, whose layout the frontend handles',
  TransposeOutputs: 'PyTorch models are read as ONNX, whose layout the frontend handles',
} as const;

/**
 * hls4ml type names (`<name>_t` keys and `Precision: {<name>: …}`) of layers or variables hlsforge does not have:
 * accepted with a warning. Ours (weight, bias, result, accum, scale, param, table, exp_table, inv_table, recurrent_weight,
 * recurrent_table, state) are honoured.
 */
export const HLS4ML_ONLY_TYPES = [
  'slope', 'shift', 'alpha', 'index', 'inv_inp', 'embeddings', 'recurrent_bias',
  'depthwise', 'pointwise', 'depthwise_accum', 'pointwise_accum', 'depthwise_result', 'zero_bias',
  'edge_weight', 'edge_weight_aggr', 'aggr', 'norm', 'input_transform_weights', 'input_transform_biases',
  'aggregator_distance_weights', 'aggregator_distance_biases', 'output_transform_weights', 'output_transform_biases',
] as const;

/** hls4ml layer classes with no hlsforge kind yet: a `LayerType` entry for them configures no layer (and is no error). */
export const HLS4ML_ONLY_CLASSES = [
  'Conv1D', 'Conv2D', 'QConv1D', 'QConv2D', 'QConv2DBatchnorm', 'SeparableConv1D', 'SeparableConv2D', 'DepthwiseConv1D',
  'DepthwiseConv2D', 'QDepthwiseConv2D', 'Pooling1D', 'Pooling2D', 'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D',
  'AveragePooling2D', 'GlobalPooling1D', 'GlobalPooling2D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D',
  'GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'ZeroPadding1D', 'ZeroPadding2D', 'Reshape', 'Flatten',
  'Transpose', 'Permute', 'Merge', 'Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate',
  'Dot', 'Resize', 'UpSampling1D', 'UpSampling2D', 'Embedding', 'SimpleRNN', 'LSTM', 'GRU', 'GarNet', 'GarNetStack',
  'PReLU', 'ELU', 'ThresholdedReLU', 'HardActivation', 'TernaryTanh', 'QActivation', 'QDense', 'QBatchNormalization',
  'BinaryDense', 'TernaryDense', 'LayerGroup', 'BiasAdd', 'Quant', 'MatMul', 'LayerNormalization', 'Bidirectional',
  'TimeDistributed', 'Einsum', 'EinsumDense',
] as const;

/** hls4ml backends hlsforge does not write: accepted with a warning, the default backend is written instead. */
export const OTHER_BACKENDS = [
  'VivadoAccelerator', 'VitisAccelerator', 'Quartus', 'oneAPI', 'Altera', 'Catapult', 'Bambu', 'BambuAccelerator', 'Libero',
  'Coyote', 'CoyoteAccelerator', 'NanoXploreAccelerator', 'SymbolicExpression',
] as const;
/** IO types hlsforge does not implement: accepted with a warning, io_parallel is written instead. */
export const OTHER_IO_TYPES = ['io_serial'] as const;

/** hls4ml's `BramFactor` default (config_from_keras_model): never put weights in BRAM, which is what hlsforge does. */
export const BRAM_FACTOR_NEVER = 1_000_000_000;

import { NOT_HONOURED_HLS_CONFIG, NOT_HONOURED_LAYER, NOT_HONOURED_MODEL, NOT_HONOURED_TOP, HLS4ML_ONLY_CLASSES } from './hls4ml-keys.ts';

/**
 * The configuration keys hlsforge understands: hls4ml's, so existing configs work. Knowledge as data: every key with
 * what it means; anything else is reported as unknown (with the closest known key), never silently ignored.
 */
export const TOP_KEYS = {
  OnnxModel: 'ONNX or QONNX model file (relative to the YAML file)',
  KerasJson: 'Keras model architecture JSON (relative to the YAML file); its weights are KerasH5',
  KerasH5: 'Keras weights H5 beside KerasJson, or a full-model H5 given alone',
  KerasModel: 'Keras full model file (.h5 or .keras; `!keras_model path` accepted)',
  PytorchModel: 'PyTorch model (refused: export it to ONNX)',
  OutputDir: 'output directory (relative to the working directory)',
  ProjectName: 'project and top-function name, a C++ identifier',
  Part: 'FPGA part',
  XilinxPart: 'FPGA part (older hls4ml spelling)',
  ClockPeriod: 'clock period in ns',
  IOType: 'io_parallel or io_stream (io_serial is accepted with a warning)',
  Backend: 'Vivado, Vitis or RTL (other hls4ml backends are accepted with a warning)',
  HLSConfig: 'Model, LayerType and LayerName settings',
  InputData: 'test vectors for tb_data (.dat, .csv or .json)',
  Arithmetic: 'hlsforge (default: docs/arithmetic.md) or hls4ml (reproduce hls4ml\'s C simulation bit for bit)',
  DspCost: 'RTL backend: LUTs one DSP48E2 slice is worth when choosing each constant multiplier (default 55; none: no DSP)',
  OutputPredictions: 'reference outputs for InputData: predict and convert report the float and fixed-point error against them',
  ...NOT_HONOURED_TOP,
} as const;

export const HLS_CONFIG_KEYS = ['Model', 'LayerType', 'LayerName', ...Object.keys(NOT_HONOURED_HLS_CONFIG)] as const;
/** keys of a Model, LayerType.X or LayerName.X block; `<var>_t` type keys are handled apart (see typeKeyVar) */
export const LAYER_KEYS = ['Precision', 'ReuseFactor', 'Strategy', 'TableSize', 'table_size', 'exp_table_size', 'inv_table_size', 'Prune', 'Trace', 'Implementation', 'Skip', ...Object.keys(NOT_HONOURED_LAYER)] as const;
/** HLSConfig.Model also takes the model-wide keys hls4ml's config generators write */
export const MODEL_KEYS = [...LAYER_KEYS, 'TraceOutput', 'BramFactor', ...Object.keys(NOT_HONOURED_MODEL)] as const;
export const PRECISION_KEYS = ['default', 'result', 'weight', 'bias', 'accum', 'scale', 'param', 'table', 'exp_table', 'inv_table', 'recurrent_weight', 'recurrent_table', 'state', 'maximum'] as const;
/** hls4ml's attribute spelling of our precision variables, accepted beside Precision in a layer block (exp_table_t: …) */
export const TYPE_KEYS = PRECISION_KEYS.filter((k) => k !== 'default' && k !== 'maximum').map((k) => `${k}_t`);
/** precision variables that may be `auto` (inferred by the infer-precision pass); `Precision: auto` means accum and result */
export const AUTO_VARS = ['accum', 'result', 'table', 'exp_table', 'inv_table'] as const;
export const AUTO_DEFAULT_VARS = ['accum', 'result'] as const;
/** `Prune: {sparsity: 0.7}` (fraction of each dense layer's weights set to zero) or `Prune: {threshold: 0.01}` */
export const PRUNE_KEYS = ['sparsity', 'threshold'] as const;

/** hls4ml layer class names (and our kind names) → our layer kinds, for `HLSConfig.LayerType`. */
export const LAYER_TYPE_ALIASES: Record<string, readonly string[]> = {
  // hls4ml classes with no hlsforge layer kind yet come first (the entries below override them): accepted, they
  // configure no layer
  ...Object.fromEntries(HLS4ML_ONLY_CLASSES.map((c) => [c, []])),
  Input: ['input'],
  InputLayer: ['input'],
  Dense: ['dense'],
  LSTM: ['lstm'],
  GRU: ['gru'],
  SimpleRNN: ['simple_rnn'],
  BatchNormalization: ['batchnorm'],
  Activation: ['relu', 'sigmoid', 'tanh', 'linear', 'clip', 'abs', 'elu', 'selu', 'softplus', 'softsign', 'silu', 'hard_sigmoid', 'hard_tanh', 'binary_tanh', 'ternary_tanh'],
  ReLU: ['relu', 'clip'],
  LeakyReLU: ['leaky_relu'],
  Softmax: ['softmax'],
  Sigmoid: ['sigmoid'],
  TanH: ['tanh'],
  Tanh: ['tanh'],
  Linear: ['linear'],
  Clip: ['clip'],
  ELU: ['elu'],
  PReLU: ['prelu'],
  ThresholdedReLU: ['thresholded_relu'],
  ParametrizedActivation: ['leaky_relu', 'thresholded_relu', 'elu'],
  HardActivation: ['hard_sigmoid', 'hard_tanh'],
  TernaryTanh: ['ternary_tanh'],
};

/** Damerau-free edit distance, for "did you mean" on unknown keys. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The configuration keys hlsforge understands: hls4ml's, so existing configs work. Knowledge as data: every key with
 * what it means; anything else is reported as unknown (with the closest known key), never silently ignored.
 */
export const TOP_KEYS = {
  OnnxModel: 'ONNX or QONNX model file (relative to the YAML file)',
  KerasJson: 'Keras model JSON (relative to the YAML file)',
  KerasH5: 'Keras weights .h5 for KerasJson (default: <name>_weights.h5 beside it)',
  KerasModel: 'Keras full model: .h5 with model_config, or Keras 3 .keras',
  OutputDir: 'output directory (relative to the YAML file)',
  ProjectName: 'project and top-function name, a C++ identifier',
  Part: 'FPGA part',
  XilinxPart: 'FPGA part (older hls4ml spelling)',
  ClockPeriod: 'clock period in ns',
  IOType: 'io_parallel (io_stream is not supported yet)',
  Backend: 'Vivado or Vitis',
  HLSConfig: 'Model, LayerType and LayerName settings',
  InputData: 'test vectors for tb_data (.dat, .csv or .json)',
  OutputPredictions: 'reference predictions (accepted for hls4ml compatibility; hlsforge writes the emulator\'s)',
} as const;

export const HLS_CONFIG_KEYS = ['Model', 'LayerType', 'LayerName'] as const;
export const LAYER_KEYS = ['Precision', 'ReuseFactor', 'Strategy', 'TableSize', 'table_size', 'Prune'] as const;
export const PRECISION_KEYS = ['default', 'result', 'weight', 'bias', 'accum', 'scale', 'param', 'table', 'exp_table', 'inv_table', 'maximum'] as const;
/** precision variables that may be `auto` (inferred by the infer-precision pass); `Precision: auto` means accum and result */
export const AUTO_VARS = ['accum', 'result', 'table', 'exp_table', 'inv_table'] as const;
export const AUTO_DEFAULT_VARS = ['accum', 'result'] as const;
/** `Prune: {sparsity: 0.7}` (fraction of each dense layer's weights set to zero) or `Prune: {threshold: 0.01}` */
export const PRUNE_KEYS = ['sparsity', 'threshold'] as const;

/** hls4ml layer class names (and our kind names) → our layer kinds, for `HLSConfig.LayerType`. */
export const LAYER_TYPE_ALIASES: Record<string, readonly string[]> = {
  Input: ['input'],
  InputLayer: ['input'],
  Dense: ['dense'],
  BatchNormalization: ['batchnorm'],
  Activation: ['relu', 'sigmoid', 'tanh', 'linear', 'clip'],
  ReLU: ['relu', 'clip'],
  LeakyReLU: ['leaky_relu'],
  Softmax: ['softmax'],
  Sigmoid: ['sigmoid'],
  TanH: ['tanh'],
  Tanh: ['tanh'],
  Linear: ['linear'],
  Clip: ['clip'],
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

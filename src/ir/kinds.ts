import type { LayerKind, PrecisionVar } from './layers.ts';

/** How many tensors a kind reads: none (the input layer), exactly one, or two or more (merges). */
export type Arity = 'none' | 'one' | 'two' | 'many';

/** Op knowledge as data: what each layer kind needs (STYLE.md habit 5). */
export interface KindInfo {
  /** precision variables the kind uses; the apply-config pass fills exactly these */
  readonly precisionVars: readonly PrecisionVar[];
  /** applies to each element independently (output shape = input shape) */
  readonly elementwise: boolean;
  readonly arity: Arity;
  /** moves or keeps data without computing: the input's type passes through, `result` is not applied */
  readonly passThrough: boolean;
  readonly hasWeights: boolean;
  /** uses lookup tables (sigmoid, tanh, softmax) */
  readonly usesTable: boolean;
  /** hls4ml class name, for summaries and LayerType */
  readonly hlsClass: string;
}

const one = { arity: 'one', passThrough: false, hasWeights: false, usesTable: false } as const;
const activation = { ...one, precisionVars: ['result'], elementwise: true, hlsClass: 'Activation' } as const;
const table = { ...one, precisionVars: ['table', 'result'], elementwise: true, usesTable: true, hlsClass: 'Activation' } as const;
const move = { ...one, precisionVars: ['result'], passThrough: true } as const;
const merge = { arity: 'many', passThrough: false, hasWeights: false, usesTable: false, precisionVars: ['result'] } as const;

export const KINDS: { readonly [K in LayerKind]: KindInfo } = {
  input: { ...one, arity: 'none', precisionVars: ['result'], elementwise: true, hlsClass: 'Input' },
  dense: { ...one, precisionVars: ['weight', 'bias', 'accum', 'result'], elementwise: false, hasWeights: true, hlsClass: 'Dense' },
  batchnorm: { ...one, precisionVars: ['scale', 'bias', 'result'], elementwise: true, hasWeights: true, hlsClass: 'BatchNormalization' },
  relu: activation,
  abs: activation,
  leaky_relu: { ...activation, precisionVars: ['param', 'result'], hlsClass: 'LeakyReLU' },
  clip: activation,
  sigmoid: table,
  tanh: table,
  softmax: { ...one, precisionVars: ['exp_table', 'inv_table', 'accum', 'result'], elementwise: false, usesTable: true, hlsClass: 'Softmax' },
  linear: activation,
  // lowered by the import-qonnx pass before any backend sees it
  quant: { ...activation, hlsClass: 'Quant' },
  identity: { ...move, elementwise: true, hlsClass: 'Identity' },
  reshape: { ...move, elementwise: false, hlsClass: 'Reshape' },
  transpose: { ...move, elementwise: false, hlsClass: 'Transpose' },
  merge: { ...merge, elementwise: true, hlsClass: 'Merge' },
  concatenate: { ...merge, elementwise: false, hlsClass: 'Concatenate' },
  dot: { ...merge, arity: 'two', elementwise: false, hlsClass: 'Dot' },
  prelu: { ...activation, precisionVars: ['param', 'result'], hasWeights: true, hlsClass: 'PReLU' },
  hard_sigmoid: { ...activation, precisionVars: ['param', 'result'] },
  hard_tanh: activation,
  thresholded_relu: { ...activation, hlsClass: 'ThresholdedReLU' },
  binary_tanh: activation,
  ternary_tanh: activation,
  elu: { ...table, hlsClass: 'ELU' },
  selu: { ...table, precisionVars: ['param', 'table', 'result'] },
  softplus: table,
  softsign: table,
  silu: table,
  conv: { ...one, precisionVars: ['weight', 'bias', 'accum', 'result'], elementwise: false, hasWeights: true, hlsClass: 'Conv' },
  depthwise_conv: { ...one, precisionVars: ['weight', 'bias', 'accum', 'result'], elementwise: false, hasWeights: true, hlsClass: 'DepthwiseConv' },
  pool: { ...one, precisionVars: ['result'], elementwise: false, hlsClass: 'Pooling' },
  pad: { ...move, elementwise: false, hlsClass: 'ZeroPadding' },
  crop: { ...move, elementwise: false, hlsClass: 'Cropping' },
  upsample: { ...move, elementwise: false, hlsClass: 'Resize' },
  // recurrent layers: the gate families share weight, recurrent_weight, bias, accum; `table` is the activation's
  // output type, `recurrent_table` the recurrent activation's, `param` the hard_sigmoid constants (docs/arithmetic.md)
  lstm: { ...one, precisionVars: ['weight', 'recurrent_weight', 'bias', 'accum', 'table', 'recurrent_table', 'param', 'state', 'result'], elementwise: false, hasWeights: true, usesTable: true, hlsClass: 'LSTM' },
  gru: { ...one, precisionVars: ['weight', 'recurrent_weight', 'bias', 'accum', 'table', 'recurrent_table', 'param', 'state', 'result'], elementwise: false, hasWeights: true, usesTable: true, hlsClass: 'GRU' },
  simple_rnn: { ...one, precisionVars: ['weight', 'recurrent_weight', 'bias', 'accum', 'table', 'param', 'state', 'result'], elementwise: false, hasWeights: true, usesTable: true, hlsClass: 'SimpleRNN' },
};

/** The number of inputs a kind accepts, as a check and as words for messages. */
export function arityAllows(arity: Arity, n: number): boolean {
  return arity === 'none' ? n === 0 : arity === 'one' ? n === 1 : arity === 'two' ? n === 2 : n >= 2;
}
export const arityWords: Record<Arity, string> = { none: 'no inputs', one: 'exactly one input', two: 'exactly two inputs', many: 'two or more inputs' };

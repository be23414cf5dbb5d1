import { KINDS } from './kinds.ts';
import type { KindRegistry, Layer, LayerKind, LayerOf, RecurrentLayer } from './layers.ts';

/** A layer's numeric parameters by name: what the model file supplies (weights, per-channel constants, bounds). */
export type Parameters = readonly (readonly [name: string, values: ArrayLike<number>])[];
type ParametersOf<K extends LayerKind> = (l: LayerOf<K>) => Parameters;

const none = (): Parameters => [];
const recurrentParameters = (l: RecurrentLayer): Parameters => {
  const hs = l.activation.fn === 'hard_sigmoid' ? [l.activation.alpha, l.activation.beta] : [];
  const rhs = l.kind !== 'simple_rnn' && l.recurrentActivation.fn === 'hard_sigmoid' ? [l.recurrentActivation.alpha, l.recurrentActivation.beta] : [];
  return [['kernel', l.kernel], ['recurrent kernel', l.recurrentKernel], ['bias', l.bias], ['recurrent bias', l.recurrentBias], ['activation constants', [...hs, ...rhs]]];
};

/**
 * The parameters of every layer kind (adding a kind fails tsc until it is listed here). Used by the finiteness check
 * of every frontend and by the parameter counts of the summaries. ±Infinity is a valid "no bound" for clip.
 */
export const PARAMETERS: KindRegistry<{ [K in LayerKind]: ParametersOf<K> }> = {
  input: none,
  dense: (l) => [['weights', l.weights], ['bias', l.bias]],
  batchnorm: (l) => [['scale', l.scale], ['bias', l.bias]],
  relu: none,
  abs: none,
  leaky_relu: (l) => [['alpha', [l.alpha]]],
  clip: (l) => [['min', [l.min === -Infinity ? 0 : l.min]], ['max', [l.max === Infinity ? 0 : l.max]]],
  sigmoid: none,
  tanh: none,
  softmax: none,
  linear: none,
  prelu: (l) => [['alpha', l.alpha]],
  hard_sigmoid: (l) => [['alpha', [l.alpha]], ['beta', [l.beta]]],
  hard_tanh: none,
  thresholded_relu: (l) => [['theta', [l.theta]]],
  binary_tanh: none,
  ternary_tanh: (l) => [['threshold', [l.threshold]]],
  elu: (l) => [['alpha', [l.alpha]]],
  selu: (l) => [['alpha', [l.alpha]], ['scale', [l.scale]]],
  softplus: none,
  softsign: none,
  silu: none,
  quant: (l) => [['scale', l.scale], ['zero point', l.zeroPoint]],
  identity: none,
  reshape: none,
  transpose: none,
  conv: (l) => [['weights', l.weights], ['bias', l.bias]],
  depthwise_conv: (l) => [['weights', l.weights], ['bias', l.bias]],
  pool: none,
  pad: none,
  crop: none,
  upsample: none,
  merge: none,
  concatenate: none,
  dot: none,
  lstm: recurrentParameters,
  gru: recurrentParameters,
  simple_rnn: recurrentParameters,
};

export const parametersOf = <K extends LayerKind>(l: LayerOf<K>): Parameters => (PARAMETERS[l.kind as K] as ParametersOf<K>)(l);

/** How many trained numbers a layer holds: the parameters of the kinds that have weights (KINDS.hasWeights). */
export const parameterCount = (l: Layer): number => (KINDS[l.kind].hasWeights ? parametersOf(l).reduce((n, [, v]) => n + v.length, 0) : 0);

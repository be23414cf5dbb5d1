import type { LayerKind, PrecisionVar } from './layers.ts';

/** Op knowledge as data: what each layer kind needs (STYLE.md habit 5). */
export interface KindInfo {
  /** precision variables the kind uses; the apply-config pass fills exactly these */
  readonly precisionVars: readonly PrecisionVar[];
  /** applies to each element independently (output shape = input shape) */
  readonly elementwise: boolean;
  readonly hasWeights: boolean;
  /** uses lookup tables (sigmoid, tanh, softmax) */
  readonly usesTable: boolean;
  /** hls4ml class name, for summaries and LayerType */
  readonly hlsClass: string;
}

export const KINDS: { readonly [K in LayerKind]: KindInfo } = {
  input: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Input' },
  dense: { precisionVars: ['weight', 'bias', 'accum', 'result'], elementwise: false, hasWeights: true, usesTable: false, hlsClass: 'Dense' },
  batchnorm: { precisionVars: ['scale', 'bias', 'result'], elementwise: true, hasWeights: true, usesTable: false, hlsClass: 'BatchNormalization' },
  relu: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Activation' },
  leaky_relu: { precisionVars: ['param', 'result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'LeakyReLU' },
  clip: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Activation' },
  sigmoid: { precisionVars: ['table', 'result'], elementwise: true, hasWeights: false, usesTable: true, hlsClass: 'Activation' },
  tanh: { precisionVars: ['table', 'result'], elementwise: true, hasWeights: false, usesTable: true, hlsClass: 'Activation' },
  softmax: { precisionVars: ['exp_table', 'inv_table', 'accum', 'result'], elementwise: false, hasWeights: false, usesTable: true, hlsClass: 'Softmax' },
  linear: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Activation' },
  // lowered by the import-qonnx pass before any backend sees it
  quant: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Quant' },
  identity: { precisionVars: ['result'], elementwise: true, hasWeights: false, usesTable: false, hlsClass: 'Identity' },
};

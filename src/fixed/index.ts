/** Public API of the fixed-point core: the one source of truth for ap_fixed arithmetic in hlsforge. */
export * from './fixed-type.ts';
export { parseFixedType, formatFixedType, MAX_WIDTH } from './parse.ts';
export {
  quantizeScaled,
  quantizeDouble,
  quantizeDoubleBig,
  quantizeArray,
  toValue,
  roundScaled,
  overflowInteger,
  type OverflowStats,
} from './quantize.ts';
export { quantizeScaledBig, overflowBig } from './quantize-big.ts';
export { rangeOf, rangeOfBig, castRange, castRangeBig, valueRangeOf, productType, sumType, differenceType, unionType, accumulatedType } from './range.ts';
export { commutesWithIntegers, isOrderFreeAccumulator, ROUND_EXACT_DOUBLE } from './rounding.ts';
export { accumulation, type Accumulation } from './accumulation.ts';
export { doubleParts, type ScaledInt } from './double-parts.ts';
export {
  SIGMOID_RANGE,
  TANH_RANGE,
  EXP_RANGE,
  DEFAULT_TABLE_SIZE,
  invRange,
  indexShift,
  log2Exact,
  sigmoidTable,
  tanhTable,
  expTable,
  invTable,
  activationIndexer,
  expIndexer,
  invIndexer,
  ELU_RANGE,
  SOFTPLUS_RANGE,
  SILU_RANGE,
  SOFTSIGN_RANGE,
  tableFunction,
  activationTable,
  type ExactBranch,
  type TableActivationSpec,
  type TableFunction,
} from './tables.ts';
export { Caster, roundCarry, quantCode } from './cast.ts';
export { reciprocal, ceilLog2, RECIPROCAL_GUARD_BITS, type Reciprocal } from './reciprocal.ts';
export {
  SOFTMAX_IMPLEMENTATIONS,
  LEGACY_TABLE_TYPE,
  LEGACY_EXP_RANGE,
  LEGACY_INV_RANGE,
  stableNormType,
  defaultSoftmaxAccum,
  stableExpTableSize,
  topBits,
  topBitsIndexer,
  topBitsSample,
  hls4mlExpTable,
  hls4mlInvTable,
  legacyExpTable,
  legacyInvTable,
  truncIndexer,
  reduceTree,
  hls4mlActivationTable,
  type SoftmaxImplementation,
  type ReduceTree,
} from './softmax-hls4ml.ts';
export { topBitsSoftmaxPlan, type TopBitsSoftmaxPlan, type SoftmaxSizes } from './softmax-plan.ts';
export { decimalHalfEven, hls4mlWrittenValue } from './decimal.ts';

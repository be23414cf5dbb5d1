import type { FixedType, OverflowStats } from '../fixed/index.ts';
import type { LayerKind, LayerOf, PrecisionVar } from '../ir/layers.ts';

/**
 * How one layer kind is emulated. Fixed point works on MANTISSAS (integer-valued Float64Array, value = m · 2^−F of
 * the tensor's type); constants are quantized once in `fixed`, which returns the per-batch step.
 */
export interface Kernel<K extends LayerKind> {
  fixed(layer: LayerOf<K>, inputs: readonly FixedType[], counters: Counters): FixedStep;
  /** plain double arithmetic, no quantization */
  float(layer: LayerOf<K>, inputs: readonly Float64Array[], batch: number): Float64Array;
}

export interface FixedStep {
  /** the type of the output mantissas */
  readonly type: FixedType;
  /** the input layer receives raw doubles; every other layer receives its producers' mantissas */
  run(inputs: readonly Float64Array[], batch: number): Float64Array;
}

/** Overflow counters of one layer, one per precision variable, reset before each run. */
export interface Counters {
  stats(variable: PrecisionVar): OverflowStats;
}

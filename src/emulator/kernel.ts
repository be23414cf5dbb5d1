import type { FixedType, OverflowStats } from '../fixed/index.ts';
import type { LayerKind, LayerOf, PrecisionVar } from '../ir/layers.ts';
import type { Tensor } from '../ir/tensor.ts';

/**
 * How one layer kind is emulated. Fixed point works on MANTISSAS (integer-valued Float64Array, value = m · 2^−F of
 * the tensor's type); constants are quantized once in `fixed`, which returns the per-batch step.
 */
export interface Kernel<K extends LayerKind> {
  fixed(layer: LayerOf<K>, inputs: readonly Tensor[], counters: Counters): FixedStep;
  /**
   * plain double arithmetic, no quantization; `out` may provide the output buffer; `inShapes` are the inputs' shapes
   * (window layers need their input's spatial extents; the emulator always passes them)
   */
  float(layer: LayerOf<K>, inputs: readonly Float64Array[], batch: number, out: OutputBuffer, inShapes?: readonly (readonly number[])[]): Float64Array;
}

export interface FixedStep {
  /** the type of the output mantissas */
  readonly type: FixedType;
  /** which implementation runs, when a kind has several (tests check that each one is exercised) */
  readonly variant?: string;
  /**
   * Called once per emulator run, before the batch goes through `run` in chunks: counts the overflows of the
   * constants (quantized once at compile time, counted once per run).
   */
  begin?(): void;
  /**
   * One chunk of samples: the input layer receives raw doubles; every other layer receives its producers'
   * mantissas. The result may be a buffer the step reuses on its next call.
   */
  run(inputs: readonly Float64Array[], batch: number): Float64Array;
}

/**
 * A step's output buffer for one chunk of samples, reused from chunk to chunk: the emulator copies what it keeps
 * before the next chunk runs. (Fresh whole-chunk arrays cost more than the arithmetic of cheap layers.)
 */
export type OutputBuffer = (length: number) => Float64Array;

export function reusableBuffer(): OutputBuffer {
  let buffer = new Float64Array(0);
  return (length) => {
    if (buffer.length < length) buffer = new Float64Array(length);
    return buffer.length === length ? buffer : buffer.subarray(0, length);
  };
}

/** Overflow counters of one layer, one per precision variable, reset before each run. */
export interface Counters {
  stats(variable: PrecisionVar): OverflowStats;
}

/** The first input's shape, which window kernels need in float mode (the emulator passes it). */
export function firstInShape(layer: { name: string; kind: string }, inShapes: readonly (readonly number[])[] | undefined): readonly number[] {
  const s = inShapes?.[0];
  if (!s) throw new Error(`layer '${layer.name}' (${layer.kind}): the float kernel needs its input's shape`);
  return s;
}

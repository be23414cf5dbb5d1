import { accumulation, fracBits, quantizeDouble, quantizeScaled, type FixedType } from '../../../fixed/index.ts';
import type { Layer, LayerOf, ProductAccumulation } from '../../../ir/layers.ts';
import { need } from './elementwise.ts';

/** The quantized constants of a dense layer, as integer mantissas. */
export interface DenseConstants {
  readonly nIn: number;
  readonly nOut: number;
  /** wq mantissas, row-major [i][j] */
  readonly weight: readonly number[];
  readonly weightType: FixedType;
  /** Q_accum(bq_j) mantissas: the accumulator's start value */
  readonly accInit: readonly number[];
  readonly accum: FixedType;
  readonly result: FixedType;
  /** true when the accumulation order does not matter (adder tree allowed) */
  readonly orderFree: boolean;
  /** each product cast to accum before it is added (Arithmetic: hls4ml), where that differs from the exact chain */
  readonly castProducts: boolean;
}


export function denseConstants(layer: LayerOf<'dense'>): DenseConstants {
  return maccConstants(layer, layer.weights, layer.bias, layer.nIn, layer.nOut);
}

/**
 * The quantized constants of any dense product (dense; conv and depthwise per output position): weights row-major
 * [nIn][nOut] (for a depthwise channel: its [taps][m] slice), biases [nOut].
 */
export function maccConstants(
  layer: Layer & ProductAccumulation & { precision: Partial<Record<string, FixedType>> },
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  nIn: number,
  nOut: number,
): DenseConstants {
  const [weightType, biasType, accum] = [need(layer, 'weight'), need(layer, 'bias'), need(layer, 'accum')];
  return {
    nIn,
    nOut,
    weight: Array.from(weights, (w) => quantizeDouble(w, weightType)),
    weightType,
    accInit: Array.from(bias, (v) => quantizeScaled(quantizeDouble(v, biasType), fracBits(biasType), accum)),
    accum,
    result: layer.precision.result,
    ...accumulation(accum, layer.accumulation === 'hls4ml'),
  };
}

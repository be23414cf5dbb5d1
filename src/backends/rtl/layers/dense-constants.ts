import { fracBits, quantizeDouble, quantizeScaled, type FixedType } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
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
}

/**
 * With accum Q ∈ {AP_TRN, AP_RND, AP_RND_MIN_INF} and O = AP_WRAP, Q(acc + p) = acc + Q(p) mod 2^W for acc on the
 * accum grid (rounding commutes with adding a whole number of LSBs; wrapping is arithmetic mod 2^W), so the sum of
 * the individually quantized products can be formed in any order.
 */
export const isOrderFree = (accum: FixedType): boolean =>
  (accum.quant === 'AP_TRN' || accum.quant === 'AP_RND' || accum.quant === 'AP_RND_MIN_INF') && accum.overflow === 'AP_WRAP';

export function denseConstants(layer: LayerOf<'dense'>): DenseConstants {
  const [weightType, biasType, accum] = [need(layer, 'weight'), need(layer, 'bias'), need(layer, 'accum')];
  return {
    nIn: layer.nIn,
    nOut: layer.nOut,
    weight: Array.from(layer.weights, (w) => quantizeDouble(w, weightType)),
    weightType,
    accInit: Array.from(layer.bias, (v) => quantizeScaled(quantizeDouble(v, biasType), fracBits(biasType), accum)),
    accum,
    result: layer.precision.result,
    orderFree: isOrderFree(accum),
  };
}

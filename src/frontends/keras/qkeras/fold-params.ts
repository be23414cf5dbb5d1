import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { PrecisionVar } from '../../../ir/layers.ts';
import type { KerasContext } from '../context.ts';
import { quantizeWeights } from './quantize-weights.ts';

/**
 * The parameters of a QKeras layer (QDense, QConv*, QDepthwiseConv2D, QSeparableConv*): each passes through its
 * quantizer key (folded into the values) and the quantizer's type becomes the layer's `declared` precision variable.
 * A plain Keras layer (`quantized` false) keeps its values and declares nothing.
 */
export class FoldedParams {
  private readonly types: Partial<Record<PrecisionVar, FixedType>> = {};

  constructor(private readonly ctx: KerasContext, private readonly quantized: boolean) {}

  fold(key: string, values: Float64Array, v: PrecisionVar): Float64Array {
    if (!this.quantized) return values;
    const q = quantizeWeights(this.ctx, key, values);
    if (q.type) this.types[v] = q.type;
    return q.values;
  }

  /** `{ declared }` when a quantizer stated a type, else nothing (to spread into the layer). */
  declared(): { declared?: Partial<Record<PrecisionVar, FixedType>> } {
    return Object.keys(this.types).length ? { declared: { ...this.types } } : {};
  }
}

import { castRangeBig, fracBits, sameFixedType } from '../fixed/index.ts';
import type { Graph } from '../ir/graph.ts';
import type { Layer } from '../ir/layers.ts';
import type { EmulationResult } from './emulate.ts';

/**
 * A layer's overflow counts, split by intent. A layer whose result type is the model's own quantizer (QONNX Quant,
 * QKeras; `quantizedAs`) saturates its result by design: quantized_relu(6) clips at 63/64 in training too. Those
 * casts are `saturation`; every other wrap or saturation (an accumulator, a weight, a result type someone chose) is
 * a real `overflow` of a chosen type.
 */
export interface OverflowSplit {
  readonly overflows: Record<string, number>;
  readonly saturation: Record<string, number>;
}

/**
 * The result cast of `layer` saturates where its model's quantizer does: the quantizer's type itself, or a configured
 * type that rounds alike on the same grid and clips at the same maximum with a minimum no higher (hls4ml's config
 * generators write `ap_fixed<7,1,AP_RND_CONV,AP_SAT>` for QKeras' quantized_relu(6), whose type is
 * `ap_ufixed<6,0,AP_RND_CONV,AP_SAT>`: the same cast on every value a relu emits).
 */
export function isQuantizerCast(layer: Layer): boolean {
  const [q, t] = [layer.quantizedAs, layer.precision.result];
  if (!q) return false;
  if (sameFixedType(q, t)) return true;
  if (fracBits(q) !== fracBits(t) || q.quant !== t.quant || t.overflow === 'AP_WRAP' || t.overflow === 'AP_WRAP_SM') return false;
  const [rq, rt] = [castRangeBig(q), castRangeBig(t)];
  return rq.max === rt.max && rt.min <= rq.min;
}

export function splitOverflows(graph: Graph, r: Pick<EmulationResult, 'overflows' | 'overflowsByVar'>): OverflowSplit {
  const overflows: Record<string, number> = {};
  const saturation: Record<string, number> = {};
  for (const layer of graph.layers) {
    const total = r.overflows[layer.name] ?? 0;
    const intended = isQuantizerCast(layer) ? (r.overflowsByVar[layer.name]?.result ?? 0) : 0;
    overflows[layer.name] = total - intended;
    saturation[layer.name] = intended;
  }
  return { overflows, saturation };
}

import type { LayerOf } from '../../../ir/layers.ts';
import { combLayer } from './comb-layer.ts';
import type { DenseConstants } from './dense-constants.ts';
import { parallelRow } from './dot-rows.ts';
import type { LayerContext, LayerHardware } from './types.ts';
import { accumulationNote } from './accumulate.ts';

/**
 * Dense with reuse factor 1: one constant multiplier per non-zero weight (zero weights generate no hardware), then per
 * output an adder tree (order-free accum) or the exact ascending chain of add+cast stages, then Q_result.
 */
export function denseParallel(layer: LayerOf<'dense'>, ctx: LayerContext, k: DenseConstants): LayerHardware {
  const mode = accumulationNote(k, 'adder tree', 'sequential add+cast chain (accum mode is order-dependent)');
  return combLayer(
    layer,
    ctx,
    { type: k.result, size: k.nOut },
    (b, xs) => parallelRow(b, { xs, k, hint: '', dspCost: ctx.dspCost }),
    [`dense ${k.nIn} -> ${k.nOut}, reuse factor 1, accumulation: ${mode}`],
  );
}

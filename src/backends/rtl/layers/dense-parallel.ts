import { fracBits } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { castFx } from '../netlist/cast.ts';
import { mulFx, type Fx } from '../netlist/fx.ts';
import { chain, tree } from './accumulate.ts';
import { combLayer } from './comb-layer.ts';
import type { DenseConstants } from './dense-constants.ts';
import { constOf } from './elementwise.ts';
import { fxWidth } from './ports.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/**
 * Dense with reuse factor 1: one constant multiplier per non-zero weight (zero weights generate no hardware), then per
 * output an adder tree (order-free accum) or the exact ascending chain of add+cast stages, then Q_result.
 */
export function denseParallel(layer: LayerOf<'dense'>, ctx: LayerContext, k: DenseConstants): LayerHardware {
  const mode = k.orderFree ? 'adder tree' : 'sequential add+cast chain (accum mode is order-dependent)';
  return combLayer(
    layer,
    ctx,
    { type: k.result, size: k.nOut },
    (b, xs) => {
      const ys = [];
      for (let j = 0; j < k.nOut; j++) {
        const terms: Fx[] = [];
        for (let i = 0; i < k.nIn; i++) {
          const w = k.weight[i * k.nOut + j];
          if (w !== 0) terms.push(mulFx(b, xs[i], constOf(b, w, k.weightType), `p${i}_${j}`));
        }
        const init: Fx = { sig: b.constant(BigInt(k.accInit[j]), fxWidth(k.accum), true), frac: fracBits(k.accum) };
        const acc = (k.orderFree ? tree : chain)(b, init, terms, k.accum, `o${j}`);
        ys.push(castFx(b, acc, k.result, `y${j}`).sig);
      }
      return ys;
    },
    [`dense ${k.nIn} -> ${k.nOut}, reuse factor 1, accumulation: ${mode}`],
  );
}

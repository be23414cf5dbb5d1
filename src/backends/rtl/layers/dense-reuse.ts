import type { LayerOf } from '../../../ir/layers.ts';
import type { DenseConstants } from './dense-constants.ts';
import { reuseLayer } from './reuse-rows.ts';
import type { LayerContext, LayerHardware } from './types.ts';
import { accumulationNote } from './accumulate.ts';

/**
 * Dense with reuse factor R > 1 (reuse-rows.ts): G = ceil(nIn / R) multipliers per output, each shared over R
 * cycles, the inputs presented in ascending order so the accumulation order stays the contract's. Latency R + 3, II R.
 */
export function denseReuse(layer: LayerOf<'dense'>, ctx: LayerContext, k: DenseConstants): LayerHardware {
  const r = layer.reuseFactor;
  const mode = accumulationNote(k, 'adder tree per cycle', 'ascending add+cast chain per cycle');
  return reuseLayer(
    layer,
    ctx,
    { type: k.result, size: k.nOut },
    (xs) => [{ xs, k, hint: '' }],
    ([ys]) => ys,
    (multipliers, g) => [`dense ${k.nIn} -> ${k.nOut}, reuse factor ${r}: ${multipliers} shared multipliers, ${g} inputs per cycle, ${mode}`],
  );
}

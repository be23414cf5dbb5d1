import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import type { Layer } from '../../ir/layers.ts';

/** The numeric parameters of a layer, by name, for the finiteness check. */
function parameters(layer: Layer): [string, ArrayLike<number>][] {
  switch (layer.kind) {
    case 'dense': return [['weights', layer.weights], ['bias', layer.bias]];
    case 'batchnorm': return [['scale', layer.scale], ['bias', layer.bias]];
    case 'leaky_relu': return [['alpha', [layer.alpha]]];
    // ±Infinity is a valid "no bound" for clip; NaN is not
    case 'clip': return [['min', [layer.min === -Infinity ? 0 : layer.min]], ['max', [layer.max === Infinity ? 0 : layer.max]]];
    default: return [];
  }
}

/** Fail with `bad-weights` naming the layer and the first NaN/Inf parameter. */
export function checkFinite(layer: Layer, where: Where): void {
  for (const [what, values] of parameters(layer)) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        const at = values.length > 1 ? `${what}[${i}]` : what;
        throw fail('bad-weights', where, `${at} must be finite, not ${values[i]}`);
      }
    }
  }
}

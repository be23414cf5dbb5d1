import { fail, type Where } from '../diagnostics/diagnostic.ts';
import type { Layer } from '../ir/layers.ts';
import { parametersOf } from '../ir/parameters.ts';

/** Fail with `bad-weights` naming the layer and the first NaN/Inf parameter. */
export function checkFinite(layer: Layer, where: Where): void {
  for (const [what, values] of parametersOf(layer)) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        const at = values.length > 1 ? `${what}[${i}]` : what;
        throw fail('bad-weights', where, `${at} must be finite, not ${values[i]}`);
      }
    }
  }
}

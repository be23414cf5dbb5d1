import { Caster, fracBits } from '../../fixed/index.ts';
import { mapFloat, mapStep } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = Q_result(x > 0 ? x : 0); Q(0) = 0 for every type */
export const relu: Kernel<'relu'> = {
  fixed(layer, inputs, counters) {
    const caster = new Caster(fracBits(single(layer, inputs)), need(layer, 'result'), counters.stats('result'));
    return mapStep(caster.type, (m) => (m > 0 ? caster.cast(m) : 0));
  },
  float: (_layer, [x]) => mapFloat(x, (v) => (v > 0 ? v : 0)),
};

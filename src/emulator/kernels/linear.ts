import { Caster, fracBits } from '../../fixed/index.ts';
import { mapStep } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = Q_result(x) */
export const linear: Kernel<'linear'> = {
  fixed(layer, inputs, counters) {
    const caster = new Caster(fracBits(single(layer, inputs)), need(layer, 'result'), counters.stats('result'));
    return mapStep(caster.type, (m) => caster.cast(m));
  },
  float: (_layer, [x]) => x,
};

import { Caster, fracBits, toValue } from '../../fixed/index.ts';
import { mapFloat, mapStep } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = x > θ ? Q_result(x) : 0, θ a double compared exactly with the (exact) value of x */
export const thresholdedRelu: Kernel<'thresholded_relu'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const caster = new Caster(fracBits(inType), need(layer, 'result'), counters.stats('result'));
    return mapStep(caster.type, (m) => (toValue(m, inType) > layer.theta ? caster.cast(m) : 0));
  },
  float: (layer, [x], _batch, out) => mapFloat(x, (v) => (v > layer.theta ? v : 0), out),
};

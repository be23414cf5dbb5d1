import { Caster, fracBits, quantizeDouble } from '../../fixed/index.ts';
import { mapFloat, mapStep } from '../elementwise.ts';
import { castProduct } from '../exact.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = Q_result(x > 0 ? x : αq · x), αq = Q_param(α); the product αq · x is exact */
export const leakyRelu: Kernel<'leaky_relu'> = {
  fixed(layer, inputs, counters) {
    const inFrac = fracBits(single(layer, inputs));
    const param = need(layer, 'param');
    const result = need(layer, 'result');
    const paramStats = counters.stats('param');
    const alphaOverflows = { overflows: 0 };
    const alpha = quantizeDouble(layer.alpha, param, alphaOverflows);
    const positive = new Caster(inFrac, result, counters.stats('result'));
    const negative = new Caster(inFrac + fracBits(param), result, positive.stats);
    const step = mapStep(result, (m) => (m > 0 ? positive.cast(m) : castProduct(alpha, m, negative)));
    return {
      type: result,
      begin() {
        paramStats.overflows += alphaOverflows.overflows;
      },
      run: (xs, batch) => step.run(xs, batch),
    };
  },
  float: (layer, [x], _batch, out) => mapFloat(x, (v) => (v > 0 ? v : layer.alpha * v), out),
};

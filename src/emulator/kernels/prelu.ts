import { Caster, fracBits, quantizeDouble } from '../../fixed/index.ts';
import { castProduct } from '../exact.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = Q_result(x > 0 ? x : αq_c · x), αq_c = Q_param(α_c), c = the last axis; the product is exact */
export const prelu: Kernel<'prelu'> = {
  fixed(layer, inputs, counters) {
    const inFrac = fracBits(single(layer, inputs));
    const param = need(layer, 'param');
    const result = need(layer, 'result');
    const alphaOverflows = { overflows: 0 };
    const alpha = layer.alpha.map((a) => quantizeDouble(a, param, alphaOverflows));
    const positive = new Caster(inFrac, result, counters.stats('result'));
    const negative = new Caster(inFrac + fracBits(param), result, positive.stats);
    const channels = alpha.length;
    const out = reusableBuffer();
    return {
      type: result,
      begin() {
        counters.stats('param').overflows += alphaOverflows.overflows;
      },
      run([x]) {
        const y = out(x.length);
        for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? positive.cast(x[i]) : castProduct(alpha[i % channels], x[i], negative);
        return y;
      },
    };
  },
  float: (layer, [x], _batch, out) => {
    const c = layer.alpha.length;
    const y = out(x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : layer.alpha[i % c] * x[i];
    return y;
  },
};

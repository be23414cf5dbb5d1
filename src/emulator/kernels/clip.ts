import { Caster, fracBits, quantizeDouble, toValue } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = x < lo ? Q_result(lo) : x > hi ? Q_result(hi) : Q_result(x), comparisons exact against the doubles lo, hi */
export const clip: Kernel<'clip'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const result = need(layer, 'result');
    const caster = new Caster(fracBits(inType), result, counters.stats('result'));
    const lo = layer.min;
    const hi = layer.max;
    const out = reusableBuffer();
    return {
      type: result,
      run([x]) {
        const y = out(x.length);
        for (let i = 0; i < x.length; i++) {
          const v = toValue(x[i], inType); // exact: a safe-integer mantissa times a power of two
          y[i] = v < lo ? quantizeDouble(lo, result, caster.stats) : v > hi ? quantizeDouble(hi, result, caster.stats) : caster.cast(x[i]);
        }
        return y;
      },
    };
  },
  float: (layer, [x], _batch, out) => mapFloat(x, (v) => (v < layer.min ? layer.min : v > layer.max ? layer.max : v), out),
};

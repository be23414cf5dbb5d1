import { Caster, fracBits } from '../../fixed/index.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y = Q_result(|x|): the magnitude of a mantissa is exact (|m| < 2^53), then one cast. */
export const abs: Kernel<'abs'> = {
  fixed(layer, inputs, counters) {
    const caster = new Caster(fracBits(single(layer, inputs)), need(layer, 'result'), counters.stats('result'));
    const out = reusableBuffer();
    return {
      type: caster.type,
      run([x]) {
        const y = out(x.length);
        for (let i = 0; i < x.length; i++) y[i] = caster.cast(Math.abs(x[i]));
        return y;
      },
    };
  },
  float(_layer, [x], _batch, out) {
    const y = out(x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
    return y;
  },
};

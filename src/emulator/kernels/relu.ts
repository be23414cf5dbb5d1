import { Caster, fracBits } from '../../fixed/index.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { losslessScale } from '../lossless.ts';
import { need, single } from '../precision.ts';

/**
 * y = Q_result(x > 0 ? x : 0); Q(0) = 0 for every type. A lossless cast of x ≥ 0 is a rescaling of the mantissa.
 * Branch-free form (a data-dependent branch mispredicts on half the values): x > 0 ? x : 0 = (x + |x|) / 2, exact
 * for integer mantissas (|x| < 2^53) and for finite doubles below 2^1023; anything else (NaN, ±∞, huge values)
 * makes r − r non-zero and the chunk is redone with the comparison.
 */
export const relu: Kernel<'relu'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const caster = new Caster(fracBits(inType), need(layer, 'result'), counters.stats('result'));
    const scale = losslessScale(inType, caster.type, true);
    const out = reusableBuffer();
    return {
      type: caster.type,
      run([x]) {
        const y = out(x.length);
        if (scale !== undefined) {
          const half = scale / 2;
          for (let i = 0; i < x.length; i++) y[i] = (x[i] + Math.abs(x[i])) * half;
        } else for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? caster.cast(x[i]) : 0;
        return y;
      },
    };
  },
  float(_layer, [x], _batch, out) {
    const y = out(x.length);
    let bad = 0;
    for (let i = 0; i < x.length; i++) {
      const r = (x[i] + Math.abs(x[i])) * 0.5;
      y[i] = r;
      bad += r - r;
    }
    if (bad !== 0) for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0;
    return y;
  },
};

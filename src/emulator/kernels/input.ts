import { Caster } from '../../fixed/index.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need } from '../precision.ts';

/** x = Q_input(x_float): the raw doubles cast to the input layer's result type. */
export const input: Kernel<'input'> = {
  fixed(layer, _inputs, counters) {
    const type = need(layer, 'result');
    const caster = new Caster(0, type, counters.stats('result'));
    const out = reusableBuffer();
    return {
      type,
      run([raw]) {
        const y = out(raw.length);
        for (let i = 0; i < raw.length; i++) y[i] = caster.castDouble(raw[i]);
        return y;
      },
    };
  },
  float: (_layer, [raw]) => raw,
};

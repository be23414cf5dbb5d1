import { Caster, fracBits, quantizeDouble } from '../../fixed/index.ts';
import { castAffine } from '../exact.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** y_c = Q_result(x_c · sq_c + bq_c) over the last axis, sq = Q_scale(s), bq = Q_bias(b); the affine sum is exact */
export const batchnorm: Kernel<'batchnorm'> = {
  fixed(layer, inputs, counters) {
    const inFrac = fracBits(single(layer, inputs));
    const scaleType = need(layer, 'scale');
    const biasType = need(layer, 'bias');
    const constants = { scale: { overflows: 0 }, bias: { overflows: 0 } };
    const scale = layer.scale.map((s) => quantizeDouble(s, scaleType, constants.scale));
    const bias = layer.bias.map((b) => quantizeDouble(b, biasType, constants.bias));
    // common grid G = max(F_x + F_scale, F_bias): x·s is scaled by 2^(G − F_x − F_scale), b by 2^(G − F_bias)
    const productFrac = inFrac + fracBits(scaleType);
    const grid = Math.max(productFrac, fracBits(biasType));
    const caster = new Caster(grid, need(layer, 'result'), counters.stats('result'));
    const channels = scale.length;
    const out = reusableBuffer();
    return {
      type: caster.type,
      begin() {
        counters.stats('scale').overflows += constants.scale.overflows;
        counters.stats('bias').overflows += constants.bias.overflows;
      },
      run([x]) {
        const y = out(x.length);
        for (let i = 0; i < x.length; i++) {
          const c = i % channels;
          y[i] = castAffine(x[i], scale[c], grid - productFrac, bias[c], grid - fracBits(biasType), caster);
        }
        return y;
      },
    };
  },
  float(layer, [x]) {
    const channels = layer.scale.length;
    return x.map((v, i) => v * layer.scale[i % channels] + layer.bias[i % channels]);
  },
};

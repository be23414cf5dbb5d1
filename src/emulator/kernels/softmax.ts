import { Caster, expIndexer, expTable, fracBits, invIndexer, invTable, quantizeDouble } from '../../fixed/index.ts';
import { castProduct, maxMagnitude } from '../exact.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { hls4mlSoftmax } from './softmax-hls4ml.ts';

/**
 * Softmax over the last axis (n elements), docs/arithmetic.md:
 *   d_i = x_i − max x;  e_i = expTable[clamp(floor(−d_i · N/8), 0, N−1)];  s = Q_accum(s + e_i), i ascending
 *   inv = invTable[clamp(floor(s · N/R_inv), 0, N−1)];  y_i = Q_result(e_i · inv)
 */
export const softmax: Kernel<'softmax'> = {
  fixed(layer, inputs, counters) {
    if (layer.implementation && layer.implementation !== 'hlsforge') return hls4mlSoftmax(layer, single(layer, inputs), counters);
    const inFrac = fracBits(single(layer, inputs));
    const n = layer.shape[layer.shape.length - 1];
    const size = layer.tableSize;
    const [expType, invType, accum] = [need(layer, 'exp_table'), need(layer, 'inv_table'), need(layer, 'accum')];
    const exps = expTable(size, expType).map((v) => quantizeDouble(v, expType));
    const invs = invTable(size, n, invType).map((v) => quantizeDouble(v, invType));
    const expIndex = expIndexer(size, inFrac);
    const invIndex = invIndexer(size, n, fracBits(accum));
    // s + e on the common grid G = max(F_accum, F_exp)
    const grid = Math.max(fracBits(accum), fracBits(expType));
    const [sUp, eUp] = [2 ** (grid - fracBits(accum)), 2 ** (grid - fracBits(expType))];
    if (maxMagnitude(accum.width, accum.signed) * sUp + maxMagnitude(expType.width, expType.signed) * eUp > 2 ** 53) {
      throw new Error(`layer '${layer.name}' (softmax): accum and exp_table types too wide for the emulator (sum over 53 bits)`);
    }
    const accCaster = new Caster(grid, accum, counters.stats('accum'));
    const resCaster = new Caster(fracBits(expType) + fracBits(invType), need(layer, 'result'), counters.stats('result'));
    const out = reusableBuffer();
    return {
      type: resCaster.type,
      run([x]) {
        const y = out(x.length);
        const e = new Float64Array(n);
        for (let g = 0; g < x.length; g += n) {
          let mx = x[g];
          for (let i = 1; i < n; i++) if (x[g + i] > mx) mx = x[g + i];
          let s = 0;
          for (let i = 0; i < n; i++) {
            e[i] = exps[expIndex(mx - x[g + i])];
            s = accCaster.cast(s * sUp + e[i] * eUp);
          }
          const inv = invs[invIndex(s)];
          for (let i = 0; i < n; i++) y[g + i] = castProduct(e[i], inv, resCaster);
        }
        return y;
      },
    };
  },
  float(layer, [x], _batch, out) {
    const n = layer.shape[layer.shape.length - 1];
    const y = out(x.length);
    if (layer.implementation === 'argmax') return argmaxFloat(x, n, y);
    for (let g = 0; g < x.length; g += n) {
      let mx = -Infinity;
      for (let i = 0; i < n; i++) mx = Math.max(mx, x[g + i]);
      let s = 0;
      for (let i = 0; i < n; i++) s += y[g + i] = Math.exp(x[g + i] - mx);
      for (let i = 0; i < n; i++) y[g + i] /= s;
    }
    return y;
  },
};

/** argmax is a one-hot of the first maximum in float too (it is a decision, not an approximation of the softmax). */
function argmaxFloat(x: Float64Array, n: number, y: Float64Array): Float64Array {
  y.fill(0);
  for (let g = 0; g < x.length; g += n) {
    let best = 0;
    for (let i = 1; i < n; i++) if (x[g + i] > x[g + best]) best = i;
    y[g + best] = 1;
  }
  return y;
}

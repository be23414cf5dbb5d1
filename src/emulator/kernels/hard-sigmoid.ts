import { Caster, fracBits, quantizeDouble, quantizeScaledBig } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * t = αq · x + βq exactly (αq = Q_param(α), βq = Q_param(β)); y = t ≤ 0 ? 0 : t ≥ 1 ? Q_result(1) : Q_result(t).
 * On the grid G = max(F_x + F_param, F_param): t · 2^G = a · m · 2^(G − F_x − F_param) + b · 2^(G − F_param).
 */
export const hardSigmoid: Kernel<'hard_sigmoid'> = {
  fixed(layer, inputs, counters) {
    const inFrac = fracBits(single(layer, inputs));
    const param = need(layer, 'param');
    const result = need(layer, 'result');
    const fp = fracBits(param);
    const constants = { overflows: 0 };
    const a = quantizeDouble(layer.alpha, param, constants);
    const b = quantizeDouble(layer.beta, param, constants);
    const grid = Math.max(inFrac + fp, fp);
    const [abExp, bExp] = [grid - inFrac - fp, grid - fp];
    const stats = counters.stats('result');
    const caster = new Caster(grid, result, stats);
    const oneStats = { overflows: 0 };
    const one = quantizeDouble(1, result, oneStats);
    const out = reusableBuffer();
    const value = (m: number): number => {
      const p = a * m;
      const s = p * 2 ** abExp + b * 2 ** bExp;
      if (Math.abs(p) <= SAFE && Math.abs(s) <= SAFE) {
        if (s <= 0) return 0;
        if (s >= 2 ** grid) return (stats.overflows += oneStats.overflows), one;
        return caster.cast(s);
      }
      const t = ((BigInt(a) * BigInt(m)) << BigInt(abExp)) + (BigInt(b) << BigInt(bExp));
      if (t <= 0n) return 0;
      if (t >= 1n << BigInt(grid)) return (stats.overflows += oneStats.overflows), one;
      return Number(quantizeScaledBig(t, grid, result, stats));
    };
    return {
      type: result,
      begin() {
        counters.stats('param').overflows += constants.overflows;
      },
      run([x]) {
        const y = out(x.length);
        for (let i = 0; i < x.length; i++) y[i] = value(x[i]);
        return y;
      },
    };
  },
  float: (layer, [x], _batch, out) => mapFloat(x, (v) => Math.min(Math.max(layer.alpha * v + layer.beta, 0), 1), out),
};

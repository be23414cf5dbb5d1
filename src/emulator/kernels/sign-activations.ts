import { quantizeDouble, toValue, type FixedType, type OverflowStats } from '../../fixed/index.ts';
import { mapFloat, mapStep } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';

/** Q_result(v) of a constant, computed once; its overflow counts each time it is produced. */
function constantCast(v: number, t: FixedType, stats: OverflowStats): () => number {
  const own = { overflows: 0 };
  const m = quantizeDouble(v, t, own);
  return () => ((stats.overflows += own.overflows), m);
}

/** y = x > 0 ? Q_result(1) : Q_result(−1) */
export const binaryTanh: Kernel<'binary_tanh'> = {
  fixed(layer, _inputs, counters) {
    const result = need(layer, 'result');
    const [one, minusOne] = [1, -1].map((v) => constantCast(v, result, counters.stats('result')));
    return mapStep(result, (m) => (m > 0 ? one() : minusOne()));
  },
  float: (_layer, [x], _batch, out) => mapFloat(x, (v) => (v > 0 ? 1 : -1), out),
};

/** y = x > θ ? Q_result(1) : x > −θ ? 0 : Q_result(−1), comparisons exact */
export const ternaryTanh: Kernel<'ternary_tanh'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const result = need(layer, 'result');
    const [one, minusOne] = [1, -1].map((v) => constantCast(v, result, counters.stats('result')));
    const t = layer.threshold;
    return mapStep(result, (m) => {
      const v = toValue(m, inType);
      return v > t ? one() : v > -t ? 0 : minusOne();
    });
  },
  float: (layer, [x], _batch, out) => mapFloat(x, (v) => (v > layer.threshold ? 1 : v > -layer.threshold ? 0 : -1), out),
};

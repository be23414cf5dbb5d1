import { quantizeDoubleBig } from '../../../fixed/index.ts';
import type { Interval, Ranges } from '../interval.ts';
import { accumulate } from './accumulate.ts';
import type { Rule } from './rule.ts';

/**
 * Dense: acc = Q_accum(bq_j); acc = Q_accum(acc + x_i · wq_ij) for i ascending; y_j = Q_result(acc)
 * (accumulate.ts has the bit growth). Zero weights are skipped: Q_accum(acc + 0) = acc.
 */
export const dense: Rule<'dense'> = (layer, x, c) => {
  const [wt, bt] = [c.type('weight', noAuto), c.type('bias', noAuto)];
  const { nIn, nOut } = layer;
  const weights = Array.from(layer.weights, (v) => quantizeDoubleBig(v, wt));
  const biases = Array.from(layer.bias, (v) => quantizeDoubleBig(v, bt));
  const terms = (j: number, visit: (i: number, k: number) => void) => {
    for (let i = 0; i < nIn; i++) if (weights[i * nOut + j] !== 0n) visit(i, i * nOut + j);
  };
  return accumulate({ weights, biases, outputs: nOut, bias: (j) => j, terms }, x, c, wt, bt);
};

/** Constants (weights, biases) are never auto. */
export const noAuto = (): Interval => {
  throw new Error('this precision variable cannot be auto');
};

export { hullOf, onGrid } from './accumulate.ts';
export type { Ranges };

import { SIGMOID_RANGE, sigmoidTable } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { tableStep } from './activation-table.ts';

/** y = Q_result(sigmoidTable[clamp(floor(x · N/16) + N/2, 0, N−1)]) */
export const sigmoid: Kernel<'sigmoid'> = {
  fixed(layer, inputs, counters) {
    const table = sigmoidTable(layer.tableSize, need(layer, 'table'));
    return tableStep(single(layer, inputs), need(layer, 'result'), table, SIGMOID_RANGE, counters);
  },
  float: (_layer, [x], _batch, out) => mapFloat(x, (v) => 1 / (1 + Math.exp(-v)), out),
};

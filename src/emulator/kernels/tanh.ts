import { TANH_RANGE, tanhTable } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { tableStep } from './activation-table.ts';

/** y = Q_result(tanhTable[clamp(floor(x · N/8) + N/2, 0, N−1)]) */
export const tanh: Kernel<'tanh'> = {
  fixed(layer, inputs, counters) {
    const table = tanhTable(layer.tableSize, need(layer, 'table'));
    return tableStep(single(layer, inputs), need(layer, 'result'), table, TANH_RANGE, counters);
  },
  float: (_layer, [x], _batch, out) => mapFloat(x, Math.tanh, out),
};

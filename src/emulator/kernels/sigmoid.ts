import { SIGMOID_RANGE, sigmoidTable, fracBits, hls4mlActivationTable, truncIndexer } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { tableStep } from './activation-table.ts';

/** y = Q_result(sigmoidTable[clamp(floor(x · N/16) + N/2, 0, N−1)]) */
export const sigmoid: Kernel<'sigmoid'> = {
  fixed(layer, inputs, counters) {
    const [inType, n] = [single(layer, inputs), layer.tableSize];
    if (layer.tableIndexing === 'hls4ml') {
      const table = hls4mlActivationTable('sigmoid', n, SIGMOID_RANGE, need(layer, 'table'));
      return tableStep(inType, need(layer, 'result'), table, SIGMOID_RANGE, counters, undefined, truncIndexer(n, SIGMOID_RANGE, fracBits(inType), n / 2));
    }
    const table = sigmoidTable(n, need(layer, 'table'));
    return tableStep(inType, need(layer, 'result'), table, SIGMOID_RANGE, counters);
  },
  float: (_layer, [x], _batch, out) => mapFloat(x, (v) => 1 / (1 + Math.exp(-v)), out),
};

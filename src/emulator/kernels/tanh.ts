import { TANH_RANGE, tanhTable, fracBits, hls4mlActivationTable, truncIndexer } from '../../fixed/index.ts';
import { mapFloat } from '../elementwise.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { tableStep } from './activation-table.ts';

/** y = Q_result(tanhTable[clamp(floor(x · N/8) + N/2, 0, N−1)]) */
export const tanh: Kernel<'tanh'> = {
  fixed(layer, inputs, counters) {
    const [inType, n] = [single(layer, inputs), layer.tableSize];
    if (layer.tableIndexing === 'hls4ml') {
      const table = hls4mlActivationTable('tanh', n, TANH_RANGE, need(layer, 'table'));
      return tableStep(inType, need(layer, 'result'), table, TANH_RANGE, counters, undefined, truncIndexer(n, TANH_RANGE, fracBits(inType), n / 2));
    }
    const table = tanhTable(n, need(layer, 'table'));
    return tableStep(inType, need(layer, 'result'), table, TANH_RANGE, counters);
  },
  float: (_layer, [x], _batch, out) => mapFloat(x, Math.tanh, out),
};

import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = log(1 + e^x), by lookup table (exactly x far right) */
export const Softplus: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'softplus', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

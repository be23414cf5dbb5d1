import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = x / (1 + |x|), by lookup table */
export const Softsign: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'softsign', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = tanh(x), as a lookup table, elementwise */
export const Tanh: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'tanh', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = 1 / (1 + e^−x), as a lookup table, elementwise */
export const Sigmoid: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  return ctx.addLayer({ kind: 'sigmoid', inputs: [x.layer], shape: x.shape, tableSize: DEFAULT_TABLE_SIZE });
};

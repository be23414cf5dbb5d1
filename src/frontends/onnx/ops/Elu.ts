import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = x > 0 ? x : alpha · (e^x − 1); alpha defaults to 1.0; the negative side by lookup table */
export const Elu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const alpha = ctx.attrs.float('alpha', 1);
  return ctx.addLayer({ kind: 'elu', inputs: [x.layer], shape: x.shape, alpha, tableSize: DEFAULT_TABLE_SIZE });
};

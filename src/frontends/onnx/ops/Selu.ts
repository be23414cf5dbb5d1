import { DEFAULT_TABLE_SIZE, type OpHandler } from '../op-context.ts';

/** y = gamma · (x > 0 ? x : alpha · (e^x − 1)); the defaults are the SELU constants as ONNX writes them (float32) */
export const Selu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const alpha = ctx.attrs.float('alpha', Math.fround(1.67326319217681884765625));
  const scale = ctx.attrs.float('gamma', Math.fround(1.05070102214813232421875));
  return ctx.addLayer({ kind: 'selu', inputs: [x.layer], shape: x.shape, alpha, scale, tableSize: DEFAULT_TABLE_SIZE });
};

import { checkWeightRows, denseInputSize, matrixDims } from '../dense.ts';
import type { OpHandler } from '../op-context.ts';

/** Y = X · B with B a constant [nIn, nOut] → dense with zero bias (a following Add of a constant folds into it) */
export const MatMul: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const nIn = denseInputSize(ctx, x);
  const b = ctx.constInput(1, 'B (the weights)');
  const [rows, nOut] = matrixDims(ctx, b, 'B (the weights)');
  checkWeightRows(ctx, rows, nIn);
  const weights = Float64Array.from(b.data);
  const declared = b.declared && { weight: b.declared }; // a QONNX quantizer folded into B states its exact type
  return ctx.addLayer({ kind: 'dense', inputs: [x.layer], shape: [nOut], nIn, nOut, weights, bias: new Float64Array(nOut), declared });
};

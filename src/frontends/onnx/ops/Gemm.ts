import { broadcastBias, checkWeightRows, denseInputSize, matrixDims } from '../dense.ts';
import type { OpHandler } from '../op-context.ts';
import { statedTypes } from '../qonnx.ts';

/** Y = alpha · X · op(B) + beta · C, op(B) = Bᵀ when transB → dense with W[i][j] = alpha · op(B)[i][j], b = beta · C */
export const Gemm: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  ctx.attrs.requireInt('transA', 0, [0]);
  const transB = ctx.attrs.requireInt('transB', 0, [0, 1]) === 1;
  const alpha = ctx.attrs.float('alpha', 1);
  const beta = ctx.attrs.float('beta', 1);
  const nIn = denseInputSize(ctx, x);
  const b = ctx.constInput(1, 'B (the weights)');
  const [r, c] = matrixDims(ctx, b, 'B (the weights)');
  const [rows, nOut] = transB ? [c, r] : [r, c];
  checkWeightRows(ctx, rows, nIn);
  const weights = new Float64Array(nIn * nOut);
  for (let i = 0; i < nIn; i++) {
    for (let j = 0; j < nOut; j++) weights[i * nOut + j] = alpha * b.data[transB ? j * nIn + i : i * nOut + j];
  }
  const cInput = ctx.input(2) ? ctx.constInput(2, 'C (the bias)') : undefined;
  const bias = cInput ? broadcastBias(ctx, cInput, nOut, 'C (the bias)').map((v) => beta * v) : new Float64Array(nOut);
  // exact types stated by QONNX quantizers folded into B and C still hold the values when alpha, beta are 1
  const declared = {
    ...(alpha === 1 && b.declared ? { weight: b.declared } : {}),
    ...(beta === 1 && cInput?.declared ? { bias: cInput.declared } : {}),
  };
  return ctx.addLayer({ kind: 'dense', inputs: [x.layer], shape: [nOut], nIn, nOut, weights, bias, declared: statedTypes(declared) });
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import { broadcastBias } from '../dense.ts';
import type { OpHandler } from '../op-context.ts';
import { statedTypes } from '../qonnx.ts';

const SUPPORTED = 'supported: Add of a constant bias to the output of MatMul or Gemm';

/** Bias add after a dense layer: y = (x·W + b) + c → dense with bias b + c (c of shape [n], [1, n] or scalar) */
export const Add: OpHandler = (ctx) => {
  const [a, b] = [ctx.input(0), ctx.input(1)];
  const at = a?.kind === 'layer' ? 0 : 1;
  const x = at === 0 ? a : b;
  const c = at === 0 ? b : a;
  if (x?.kind !== 'layer' || c?.kind !== 'const') {
    const what = x?.kind === 'layer' && c?.kind === 'layer' ? 'two layer outputs (a residual connection)' : 'two constants';
    throw fail('unsupported-op', ctx.where, `Add of ${what} is not supported; ${SUPPORTED}`);
  }
  const dense = ctx.layer(x.layer);
  if (dense.kind !== 'dense' || ctx.uses(ctx.inputNames[at]) !== 1) {
    const why = dense.kind !== 'dense' ? `of layer '${dense.name}' (${dense.origin?.op ?? dense.kind})` : `of '${dense.name}', which is also used elsewhere`;
    throw fail('unsupported-op', ctx.where, `Add to the output ${why} is not supported; ${SUPPORTED}`);
  }
  const extra = broadcastBias(ctx, c.tensor, dense.nOut, 'the added bias');
  const bias = dense.bias.map((v, j) => v + extra[j]);
  const origin = dense.origin && { ...dense.origin, op: `${dense.origin.op}+Add` };
  // the bias type a QONNX quantizer states holds b + c only when the other term is 0
  const { bias: _stated, ...others } = dense.declared ?? {};
  const biasType = dense.bias.every((v) => v === 0) ? c.tensor.declared : extra.every((v) => v === 0) ? _stated : undefined;
  ctx.replaceLayer({ ...dense, bias, origin, declared: statedTypes({ ...others, ...(biasType ? { bias: biasType } : {}) }) });
  return x;
};

import { fail } from '../../../diagnostics/diagnostic.ts';
import type { PoolOp } from '../../../ir/layers.ts';
import type { KerasContext, LayerHandler, Produced } from '../context.ts';
import { parseQuantizer } from '../qkeras/parse-quantizer.ts';
import { kerasQuantizer } from '../qkeras/quantizers.ts';
import { applyActivation } from './activations.ts';
import { kerasWindow, paddingName, perAxis, spatialInput } from './window.ts';

/**
 * MaxPooling1D/2D and AveragePooling1D/2D: `pool_size`, `strides` (absent or null: the pool size), padding
 * valid/same. Keras's 'same' average divides by the taps inside the input, so `countPad` is false.
 */
const pooling = (rank: 1 | 2, op: PoolOp): LayerHandler => (ctx) => pool(ctx, rank, op);

function pool(ctx: KerasContext, rank: number, op: PoolOp): Produced {
  const { x, spatial } = spatialInput(ctx, rank);
  const kernel = perAxis(ctx, 'pool_size', rank, 1, 2);
  const strides = perAxis(ctx, 'strides', rank, 1, kernel);
  const dilations = new Array<number>(rank).fill(1);
  const { window, outSpatial } = kerasWindow(ctx, spatial, { kernel, strides, dilations }, paddingName(ctx, ['valid', 'same']));
  return ctx.add({ kind: 'pool', op, countPad: false, inputs: [x.layer], shape: [...outSpatial, x.shape[rank]], ...window });
}

export const MaxPooling1D = pooling(1, 'max');
export const MaxPooling2D = pooling(2, 'max');
export const AveragePooling1D = pooling(1, 'average');
export const AveragePooling2D = pooling(2, 'average');

/**
 * GlobalMax/GlobalAveragePooling1D/2D: one window over the whole spatial extent, then (keepdims false, the default)
 * a reshape `<name>_reshape` to [C]; the pool keeps the Keras name so its LayerName settings find it.
 */
const globalPooling = (rank: 1 | 2, op: PoolOp): LayerHandler => (ctx) => globalPool(ctx, rank, op);

function globalPool(ctx: KerasContext, rank: number, op: PoolOp): Produced {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const ones = new Array<number>(rank).fill(1);
  const zeros = new Array<number>(rank).fill(0);
  const p = ctx.add({ kind: 'pool', op, countPad: false, inputs: [x.layer], shape: [...ones, channels], kernel: spatial, strides: ones, dilations: ones, padBegin: zeros, padEnd: zeros });
  if (ctx.cfg.boolean('keepdims', false)) return p;
  return ctx.add({ kind: 'reshape', inputs: [p.layer], shape: [channels] }, { suffix: 'reshape', op: 'reshape' });
}

export const GlobalMaxPooling1D = globalPooling(1, 'max');
export const GlobalMaxPooling2D = globalPooling(2, 'max');
export const GlobalAveragePooling1D = globalPooling(1, 'average');
export const GlobalAveragePooling2D = globalPooling(2, 'average');

/**
 * QAveragePooling2D / QGlobalAveragePooling2D compute average · n · q(1/n), n the pool area (QKeras qpooling.py), with
 * q the `average_quantizer`: the IR's average only when q(1/n) = 1/n exactly (refused otherwise). `activation=` (a
 * quantizer) becomes a following layer.
 */
const quantizedAverage = (global: boolean): LayerHandler => (ctx) => {
  const area = (ctx.input().shape.slice(0, 2) as number[]).reduce((a, b) => a * b, 1);
  const n = global ? area : perAxis(ctx, 'pool_size', 2, 1, 2).reduce((a, b) => a * b, 1);
  const raw = ctx.cfg.raw('average_quantizer');
  const spec = raw === undefined || raw === null ? undefined : parseQuantizer(raw);
  if (raw !== undefined && raw !== null && !spec) throw fail('unsupported-quantizer', ctx.where, `average_quantizer must be a QKeras quantizer, not ${JSON.stringify(raw).slice(0, 60)}`);
  if (spec) {
    const q = kerasQuantizer(spec, ctx.where, 'average_quantizer').fold(Float64Array.of(1 / n)).values[0];
    if (q !== 1 / n) throw fail('unsupported-quantizer', ctx.where, `average_quantizer ${spec.text} must keep 1/${n} exact (the average is one rounding of the exact mean), not round it to ${q}`);
  }
  const out = global ? globalPool(ctx, 2, 'average') : pool(ctx, 2, 'average');
  return applyActivation(ctx, out, ctx.cfg.raw('activation'), true);
};

export const QAveragePooling2D = quantizedAverage(false);
export const QGlobalAveragePooling2D = quantizedAverage(true);

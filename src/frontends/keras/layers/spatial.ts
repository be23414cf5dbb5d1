import { fail } from '../../../diagnostics/diagnostic.ts';
import type { LayerHandler } from '../context.ts';
import { showShape } from '../tensor.ts';
import { beginEnd, perAxis, spatialInput } from './window.ts';

/** ZeroPadding1D/2D: `padding` zeros before and after each spatial axis (default 1); the data moves, no cast. */
const zeroPadding = (rank: 1 | 2): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const { begin, end } = beginEnd(ctx, 'padding', rank, 1);
  return ctx.add({ kind: 'pad', inputs: [x.layer], shape: [...spatial.map((s, a) => s + begin[a] + end[a]), channels], padBegin: begin, padEnd: end });
};
export const ZeroPadding1D = zeroPadding(1);
export const ZeroPadding2D = zeroPadding(2);

/** Cropping1D (default (1, 1)) and Cropping2D (default none): drop rows/columns at each end of the spatial axes. */
const cropping = (rank: 1 | 2): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const { begin, end } = beginEnd(ctx, 'cropping', rank, rank === 1 ? [1, 1] : 0);
  const out = spatial.map((s, a) => s - begin[a] - end[a]);
  if (out.some((d) => d < 1)) throw fail('shape-mismatch', ctx.where, `cropping [${begin}] before and [${end}] after must leave at least 1 of the input ${showShape(spatial)}, not ${showShape(out)}`);
  return ctx.add({ kind: 'crop', inputs: [x.layer], shape: [...out, channels], cropBegin: begin, cropEnd: end });
};
export const Cropping1D = cropping(1);
export const Cropping2D = cropping(2);

/** UpSampling1D (`size`, default 2) and UpSampling2D (`size`, default (2, 2)): nearest neighbour, each value repeated. */
const upSampling = (rank: 1 | 2): LayerHandler => (ctx) => {
  const { x, spatial, channels } = spatialInput(ctx, rank);
  const interpolation = ctx.cfg.raw('interpolation') ?? 'nearest';
  if (interpolation !== 'nearest') throw fail('unsupported-attribute', ctx.where, `interpolation must be "nearest", not ${JSON.stringify(interpolation)}`);
  const factors = perAxis(ctx, 'size', rank, 1, 2);
  return ctx.add({ kind: 'upsample', inputs: [x.layer], shape: [...spatial.map((s, a) => s * factors[a]), channels], factors });
};
export const UpSampling1D = upSampling(1);
export const UpSampling2D = upSampling(2);

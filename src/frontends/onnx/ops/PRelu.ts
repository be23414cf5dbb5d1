import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { showShape } from '../values.ts';

/**
 * y = x > 0 ? x : slope · x, slope broadcast to x (unidirectionally). The IR holds one slope per channel of the last
 * axis: a scalar slope, or one whose dims are all 1 except a last one equal to x's last dim.
 */
export const PRelu: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const slope = ctx.constInput(1, 'slope');
  const channels = x.shape[x.shape.length - 1];
  const dims = slope.dims;
  const perLastAxis = dims.slice(0, -1).every((d) => d === 1) && (dims.length === 0 || dims[dims.length - 1] === 1 || dims[dims.length - 1] === channels);
  if (!perLastAxis || dims.length > x.shape.length + 1)
    throw fail('shape-mismatch', ctx.where, `slope must be a scalar or have shape [${channels}] (one per channel of the last axis), not ${showShape(dims)}`);
  const alpha = slope.data.length === 1 ? new Float64Array(channels).fill(slope.data[0]) : Float64Array.from(slope.data);
  return ctx.addLayer({ kind: 'prelu', inputs: [x.layer], shape: x.shape, alpha });
};

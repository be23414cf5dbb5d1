import { fail } from '../../diagnostics/diagnostic.ts';
import { channelsLast } from './layout.ts';
import { COORDINATE_MODES, firstNonFloor, NEAREST_MODES } from './nearest.ts';
import type { OpContext } from './op-context.ts';
import { spatialAmounts } from './spatial-axes.ts';
import { showShape, type LayerValue } from './values.ts';

/** How a Resize/Upsample node maps output to input positions (opset < 11 and Upsample: asymmetric, floor). */
export interface NearestMapping {
  readonly transform: string;
  readonly rounding: string;
}

/**
 * An `upsample` layer (nearest, integer factors) from the per-axis scales of Resize/Upsample: the scales must be
 * integers ≥ 1, leave the batch and a channel axis alone, and the mapping must read input ⌊i/s⌋ for output i.
 */
export function nearestUpsample(ctx: OpContext, x: LayerValue, scales: readonly number[], mapping: NearestMapping): LayerValue {
  const mode = ctx.attrs.string('mode', 'nearest');
  if (mode !== 'nearest') throw fail('unsupported-attribute', ctx.where, `mode must be 'nearest', not '${mode}'`);
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) {
    throw fail('unsupported-attribute', ctx.where, `scales must be integers ≥ 1 (nearest upsampling), not ${showShape(scales)}`);
  }
  if (!COORDINATE_MODES.includes(mapping.transform)) {
    throw fail('unsupported-attribute', ctx.where, `coordinate_transformation_mode must be one of ${COORDINATE_MODES.join(', ')}, not '${mapping.transform}'`);
  }
  if (!NEAREST_MODES.includes(mapping.rounding)) {
    throw fail('unsupported-attribute', ctx.where, `nearest_mode must be one of ${NEAREST_MODES.join(', ')}, not '${mapping.rounding}'`);
  }
  const { order, spatial } = spatialAmounts(ctx, x, scales, (s) => s === 1, 'scales', showShape(scales));
  const extents = order === 'first' ? x.shape.slice(1) : x.shape.slice(0, -1);
  spatial.forEach((s, a) => {
    const i = firstNonFloor(extents[a], s, mapping.transform, mapping.rounding);
    if (i >= 0) {
      throw fail('unsupported-attribute', ctx.where, `coordinate_transformation_mode '${mapping.transform}' with nearest_mode '${mapping.rounding}' must read input ⌊i/${s}⌋ for every output i (nearest upsampling), not for output ${i} of spatial axis ${a}`);
    }
  });
  return channelsLast(ctx, x, order, (input) => {
    const shape = input.shape.map((d, a) => (a < spatial.length ? d * spatial[a] : d));
    return ctx.addLayer({ kind: 'upsample', inputs: [input.layer], shape, factors: spatial });
  });
}

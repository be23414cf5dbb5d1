import { fail } from '../../../diagnostics/diagnostic.ts';
import { channelsLast } from '../layout.ts';
import type { OpHandler } from '../op-context.ts';
import { spatialAmounts } from '../spatial-axes.ts';
import { showShape, withBatch } from '../values.ts';

/**
 * Pad with the constant 0 on spatial axes: a `pad` layer; negative pads only (ONNX's cropping) a `crop` layer. pads = [begin of each axis…, end of each axis…], from the
 * attribute (opset < 11) or input 1 (with input 3, axes, from opset 18); the value from the attribute or input 2.
 */
export const Pad: OpHandler = (ctx) => {
  const x = ctx.layerInput(0);
  const rank = x.shape.length + 1;
  const mode = ctx.attrs.string('mode', 'constant');
  if (mode !== 'constant') throw fail('unsupported-attribute', ctx.where, `mode must be 'constant', not '${mode}'`);
  const value = ctx.opset < 11 ? ctx.attrs.float('value', 0) : ctx.input(2) ? ctx.constInput(2, 'constant_value').data[0] ?? 0 : 0;
  if (value !== 0) throw fail('unsupported-attribute', ctx.where, `the constant value must be 0, not ${value}`);
  const raw = ctx.opset < 11 ? ctx.attrs.ints('pads') ?? [] : Array.from(ctx.constInput(1, 'pads').data);
  const axes = ctx.opset >= 18 && ctx.input(3) ? Array.from(ctx.constInput(3, 'axes').data, (a) => (a < 0 ? a + rank : a)) : [...Array(rank).keys()];
  if (raw.length !== 2 * axes.length) throw fail('shape-mismatch', ctx.where, `pads must have ${2 * axes.length} values (begin and end of ${axes.length} axes), not ${raw.length}`);
  const crop = raw.some((p) => p < 0);
  if (raw.some((p) => !Number.isInteger(p) || (crop && p > 0))) {
    throw fail('unsupported-attribute', ctx.where, `pads must be integers, all ≥ 0 (padding) or all ≤ 0 (cropping), not ${showShape(raw)}`);
  }
  const perAxis: [number, number][] = Array.from({ length: rank }, () => [0, 0]);
  axes.forEach((a, k) => (perAxis[a] = [raw[k], raw[k + axes.length]]));
  const { order, spatial } = spatialAmounts(ctx, x, perAxis, ([b, e]) => b === 0 && e === 0, 'pads', showShape(raw));
  const extents = order === 'first' ? x.shape.slice(1) : x.shape.slice(0, -1);
  if (spatial.some(([b, e], a) => extents[a] + b + e < 1)) throw fail('shape-mismatch', ctx.where, `pads ${showShape(raw)} must leave at least 1 element of every axis of ${withBatch(x)}`);
  return channelsLast(ctx, x, order, (input) => {
    const shape = input.shape.map((d, a) => (a < spatial.length ? d + spatial[a][0] + spatial[a][1] : d));
    const [begin, end] = [spatial.map((p) => Math.abs(p[0])), spatial.map((p) => Math.abs(p[1]))];
    if (crop) return ctx.addLayer({ kind: 'crop', inputs: [input.layer], shape, cropBegin: begin, cropEnd: end });
    return ctx.addLayer({ kind: 'pad', inputs: [input.layer], shape, padBegin: begin, padEnd: end });
  });
};

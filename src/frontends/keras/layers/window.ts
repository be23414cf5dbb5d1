import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Window } from '../../../ir/layers.ts';
import { samePadding, windowOutputSpatial } from '../../../ir/window.ts';
import type { KerasContext, Produced } from '../context.ts';
import { showShape } from '../tensor.ts';

/**
 * What the convolution, pooling and spatial layers share: a channels-last input with `rank` spatial axes, per-axis
 * attributes given as an int or a list, and Keras padding names turned into the IR's explicit `Window`. The geometry
 * itself is src/ir/window.ts's.
 */

export interface SpatialInput {
  readonly x: Produced;
  readonly spatial: readonly number[];
  readonly channels: number;
}

/** The input [S_1, …, S_rank, C] (`data_format` channels_last, Keras's default). */
export function spatialInput(ctx: KerasContext, rank: number): SpatialInput {
  const format = ctx.cfg.raw('data_format');
  // channels_first arrives here already transposed (channels-first.ts)
  if (format !== undefined && format !== null && format !== 'channels_last') {
    throw fail('unsupported-attribute', ctx.where, `data_format must be "channels_last" or "channels_first", not ${JSON.stringify(format)}`);
  }
  const x = ctx.input();
  if (x.shape.length !== rank + 1) {
    const want = rank === 1 ? '[steps, channels]' : '[rows, cols, channels]';
    throw fail('shape-mismatch', ctx.where, `the input must be ${want}, not ${showShape(x.shape)}`);
  }
  return { x, spatial: x.shape.slice(0, rank), channels: x.shape[rank] };
}

/** A per-axis attribute: one integer ≥ `min` for every axis, or a list of `rank` of them; `fallback` when absent. */
export function perAxis(ctx: KerasContext, key: string, rank: number, min: number, fallback?: number | readonly number[]): number[] {
  const v = ctx.cfg.raw(key) ?? fallback;
  const list = typeof v === 'number' ? new Array<number>(rank).fill(v) : v;
  if (!Array.isArray(list) || list.length !== rank || !list.every((d) => Number.isInteger(d) && d >= min)) {
    throw fail('unsupported-attribute', ctx.where, `${key} must be ${rank === 1 ? 'an integer' : `${rank} integers`} ≥ ${min}, not ${JSON.stringify(ctx.cfg.raw(key))}`);
  }
  return list as number[];
}

export type Padding = 'valid' | 'same' | 'causal';

/** The `padding` name, one of `allowed`. */
export function paddingName(ctx: KerasContext, allowed: readonly Padding[]): Padding {
  const v = ctx.cfg.raw('padding') ?? 'valid';
  if (typeof v !== 'string' || !allowed.includes(v.toLowerCase() as Padding)) {
    throw fail('unsupported-attribute', ctx.where, `padding must be ${allowed.map((a) => `"${a}"`).join(' or ')}, not ${JSON.stringify(v)}`);
  }
  return v.toLowerCase() as Padding;
}

/**
 * The IR window of a Keras window: 'valid' pads nothing; 'same' pads as samePadding (output ⌈S/s⌉, the odd pad at the
 * end, as TensorFlow); 'causal' (Conv1D) pads d·(k − 1) before. Fails when the window does not fit.
 */
export function kerasWindow(ctx: KerasContext, spatial: readonly number[], w: Pick<Window, 'kernel' | 'strides' | 'dilations'>, padding: Padding): { window: Window; outSpatial: number[] } {
  const pads = spatial.map((s, a): [number, number] => {
    if (padding === 'same') return samePadding(s, w.kernel[a], w.strides[a], w.dilations[a]);
    if (padding === 'causal') return [w.dilations[a] * (w.kernel[a] - 1), 0];
    return [0, 0];
  });
  const window: Window = { kernel: w.kernel, strides: w.strides, dilations: w.dilations, padBegin: pads.map((p) => p[0]), padEnd: pads.map((p) => p[1]) };
  const outSpatial = windowOutputSpatial(spatial, window);
  if (outSpatial.some((d) => d < 1)) {
    const extent = w.kernel.map((k, a) => w.dilations[a] * (k - 1) + 1);
    throw fail('shape-mismatch', ctx.where, `the input ${showShape(spatial)} must be at least as large as the window ${showShape(extent)} (padding "${padding}"), not smaller`);
  }
  return { window, outSpatial };
}

/**
 * Begin/end amounts per spatial axis (ZeroPadding, Cropping): an int (all sides), a list of `rank` ints (both sides of
 * each axis; for rank 1 a pair [begin, end]) or a list of `rank` pairs [[begin, end], …].
 */
export function beginEnd(ctx: KerasContext, key: string, rank: number, fallback: unknown): { begin: number[]; end: number[] } {
  const v = ctx.cfg.raw(key) ?? fallback;
  const ok = (d: unknown): d is number => Number.isInteger(d) && (d as number) >= 0;
  let pairs: unknown[] | undefined;
  if (ok(v)) pairs = new Array(rank).fill([v, v]);
  else if (Array.isArray(v) && rank === 1 && v.length === 2 && v.every(ok)) pairs = [v];
  else if (Array.isArray(v) && v.length === rank && v.every(ok)) pairs = v.map((d) => [d, d]);
  else if (Array.isArray(v) && v.length === rank) pairs = v;
  if (!pairs || !pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every(ok))) {
    const form = rank === 1 ? 'an integer ≥ 0 or a pair [begin, end]' : 'an integer ≥ 0, a pair [rows, cols] or [[top, bottom], [left, right]]';
    throw fail('unsupported-attribute', ctx.where, `${key} must be ${form}, not ${JSON.stringify(v)}`);
  }
  const p = pairs as [number, number][];
  return { begin: p.map((x) => x[0]), end: p.map((x) => x[1]) };
}

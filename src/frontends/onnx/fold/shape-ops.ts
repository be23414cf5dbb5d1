import { fail } from '../../../diagnostics/diagnostic.ts';
import { transposeIndex } from '../../../ir/tensor.ts';
import type { OpContext } from '../op-context.ts';
import { resolveReshape, squeezeDims, unsqueezeDims } from '../reshape-dims.ts';
import type { ConstTensor } from '../tensor.ts';
import { showShape } from '../values.ts';
import { broadcastDims, broadcastIndex } from './broadcast.ts';
import { axisIn, constant, required, sizeOfDims, type Fold } from './fold.ts';

/** TensorProto.DataType codes of integer and boolean types, which Cast truncates to */
const INTEGER_TYPES = new Set([2, 3, 4, 5, 6, 7, 9, 12, 13]);

/** An int list given as attribute `name` before opset `since`, as optional input `i` from it on. */
export function intsAttrOrInput(ctx: OpContext, xs: readonly (ConstTensor | undefined)[], name: string, i: number, since: number): number[] | undefined {
  if (ctx.opset < since) return ctx.attrs.ints(name);
  const t = xs[i];
  return t ? Array.from(t.data) : undefined;
}

const values = (t: ConstTensor): number[] => Array.from(t.data);

/** Per axis of `dims`, the first index, step and count a Slice node (inputs `xs`, 0 the data) takes. */
export function sliceRanges(ctx: OpContext, xs: readonly (ConstTensor | undefined)[], dims: readonly number[]): { start: number; step: number; count: number }[] {
  const starts = intsAttrOrInput(ctx, xs, 'starts', 1, 10) ?? [];
  const ends = intsAttrOrInput(ctx, xs, 'ends', 2, 10) ?? [];
  const axes = intsAttrOrInput(ctx, xs, 'axes', 3, 10) ?? starts.map((_s, k) => k);
  const steps = (ctx.opset >= 10 && xs[4] ? values(xs[4]) : undefined) ?? starts.map(() => 1);
  const ranges = dims.map((d) => ({ start: 0, step: 1, count: d }));
  axes.forEach((raw, k) => {
    const a = axisIn(ctx, raw, dims.length, 'axes');
    const d = dims[a];
    const step = steps[k];
    if (step === 0) throw fail('unsupported-attribute', ctx.where, 'steps must not be 0');
    const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const [s, e] = step > 0 ? [clamp(starts[k], 0, d), clamp(ends[k], 0, d)] : [clamp(starts[k], -1, d - 1), clamp(ends[k], -1, d - 1)];
    ranges[a] = { start: s, step, count: Math.max(0, Math.ceil((e - s) / step)) };
  });
  return ranges;
}

export const SHAPE_FOLDS: Readonly<Record<string, Fold>> = {
  /** the dims of a constant (a layer's shape is handled by the Shape op handler) */
  Shape(xs, ctx) {
    const dims = required(xs, 0, ctx, 'data').dims;
    const [start, end] = [ctx.attrs.int('start', 0), ctx.attrs.int('end', dims.length)];
    const clampAxis = (a: number) => Math.min(Math.max(a < 0 ? a + dims.length : a, 0), dims.length);
    return constant([clampAxis(end) - clampAxis(start)], dims.slice(clampAxis(start), clampAxis(end)), true);
  },
  /** out[o, j, i] = data[o, indices[j], i] along `axis` (negative indices count from the end) */
  Gather(xs, ctx) {
    const data = required(xs, 0, ctx, 'data');
    const indices = required(xs, 1, ctx, 'indices');
    const axis = axisIn(ctx, ctx.attrs.int('axis', 0), data.dims.length);
    const n = data.dims[axis];
    const outer = sizeOfDims(data.dims.slice(0, axis));
    const inner = sizeOfDims(data.dims.slice(axis + 1));
    const out: number[] = [];
    for (let o = 0; o < outer; o++) {
      for (const raw of indices.data) {
        const k = raw < 0 ? raw + n : raw;
        if (!(k >= 0 && k < n)) throw fail('shape-mismatch', ctx.where, `indices must be in ${-n}..${n - 1}, not ${raw}`);
        for (let i = 0; i < inner; i++) out.push(data.data[(o * n + k) * inner + i]);
      }
    }
    return constant([...data.dims.slice(0, axis), ...indices.dims, ...data.dims.slice(axis + 1)], out, data.integer);
  },
  Unsqueeze(xs, ctx) {
    const x = required(xs, 0, ctx, 'data');
    const axes = intsAttrOrInput(ctx, xs, 'axes', 1, 13);
    if (!axes) throw fail('unsupported-attribute', ctx.where, 'axes must be given');
    return { ...x, dims: unsqueezeDims(ctx.where, x.dims, axes) };
  },
  Squeeze(xs, ctx) {
    const x = required(xs, 0, ctx, 'data');
    return { ...x, dims: squeezeDims(ctx.where, x.dims, intsAttrOrInput(ctx, xs, 'axes', 1, 13)) };
  },
  Concat(xs, ctx) {
    const ts = xs.map((x, i) => required(xs, i, ctx, `input ${i}`));
    const rank = ts[0].dims.length;
    const axis = axisIn(ctx, ctx.attrs.int('axis', 0), rank);
    for (const t of ts) {
      if (t.dims.length !== rank || t.dims.some((d, k) => k !== axis && d !== ts[0].dims[k])) {
        throw fail('shape-mismatch', ctx.where, `inputs must match ${showShape(ts[0].dims)} except along axis ${axis}, not ${showShape(t.dims)}`);
      }
    }
    const outer = sizeOfDims(ts[0].dims.slice(0, axis));
    const out: number[] = [];
    for (let o = 0; o < outer; o++) {
      for (const t of ts) {
        const block = sizeOfDims(t.dims.slice(axis));
        out.push(...t.data.subarray(o * block, (o + 1) * block));
      }
    }
    const dims = [...ts[0].dims];
    dims[axis] = ts.reduce((a, t) => a + t.dims[axis], 0);
    return constant(dims, out, ts.every((t) => t.integer));
  },
  /** a tensor of the given shape filled with the `value` attribute (a one-element tensor; default float 0) */
  ConstantOfShape(xs, ctx) {
    const dims = values(required(xs, 0, ctx, 'shape'));
    const v = ctx.attrs.tensor('value');
    const fill = v ? (v.floatData?.[0] ?? v.doubleData?.[0] ?? (v.int64Data?.[0] !== undefined ? Number(v.int64Data[0]) : undefined) ?? v.int32Data?.[0] ?? rawFirst(v.rawData, v.dataType ?? 1)) : 0;
    return constant(dims, new Float64Array(sizeOfDims(dims)).fill(fill), v !== undefined && INTEGER_TYPES.has(v.dataType ?? 1));
  },
  /** bidirectional broadcast of the input to `shape` */
  Expand(xs, ctx) {
    const x = required(xs, 0, ctx, 'input');
    const dims = broadcastDims([x.dims, values(required(xs, 1, ctx, 'shape'))], ctx.where);
    return constant(dims, Array.from(broadcastIndex(dims, x.dims), (i) => x.data[i]), x.integer);
  },
  Cast(xs, ctx) {
    const x = required(xs, 0, ctx, 'input');
    const to = ctx.attrs.int('to', 1);
    if (INTEGER_TYPES.has(to)) return constant(x.dims, x.data.map((v) => (to === 9 ? Number(v !== 0) : Math.trunc(v))), true);
    return constant(x.dims, to === 1 ? x.data.map(Math.fround) : x.data);
  },
  Reshape(xs, ctx) {
    const x = required(xs, 0, ctx, 'data');
    const dims = resolveReshape(ctx.where, x.dims, values(required(xs, 1, ctx, 'shape')), ctx.attrs.int('allowzero', 0) === 1);
    return { ...x, dims };
  },
  Flatten(xs, ctx) {
    const x = required(xs, 0, ctx, 'input');
    const axis = axisIn(ctx, ctx.attrs.int('axis', 1), x.dims.length + 1);
    return { ...x, dims: [sizeOfDims(x.dims.slice(0, axis)), sizeOfDims(x.dims.slice(axis))] };
  },
  /** out axis a = in axis perm[a] (default: the axes reversed); a transposed weight matrix becomes plain data */
  Transpose(xs, ctx) {
    const x = required(xs, 0, ctx, 'data');
    const perm = ctx.attrs.ints('perm') ?? x.dims.map((_d, k) => x.dims.length - 1 - k);
    const index = transposeIndex(x.dims, perm);
    return { ...x, dims: perm.map((p) => x.dims[p]), data: Float64Array.from(index, (i) => x.data[i]) };
  },
  /** starts/ends/axes/steps as attributes (opset < 10) or inputs; ends clamp to the dimension */
  Slice(xs, ctx) {
    const x = required(xs, 0, ctx, 'data');
    const ranges = sliceRanges(ctx, xs, x.dims);
    const dims = ranges.map((r) => r.count);
    const inStride = x.dims.map((_d, k) => sizeOfDims(x.dims.slice(k + 1)));
    const out: number[] = [];
    const pos = dims.map(() => 0);
    for (let j = 0; j < sizeOfDims(dims); j++) {
      out.push(x.data[pos.reduce((at, p, k) => at + (ranges[k].start + p * ranges[k].step) * inStride[k], 0)]);
      for (let k = dims.length - 1; k >= 0; k--) {
        if (++pos[k] < dims[k]) break;
        pos[k] = 0;
      }
    }
    return constant(dims, out, x.integer);
  },
};

/** The first element of a raw_data buffer (ConstantOfShape's value attribute). */
function rawFirst(raw: Uint8Array | null | undefined, dtype: number): number {
  if (!raw || raw.length === 0) return 0;
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (dtype === 7) return Number(v.getBigInt64(0, true));
  if (dtype === 6) return v.getInt32(0, true);
  if (dtype === 11) return v.getFloat64(0, true);
  if (dtype === 9 || dtype === 2) return v.getUint8(0);
  if (dtype === 3) return v.getInt8(0);
  return v.getFloat32(0, true);
}

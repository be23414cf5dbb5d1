import { mulberry32 } from '../../src/data/random-inputs.ts';
import { fixedType, OVERFLOW_MODES, parseFixedType, QUANT_MODES, type FixedType, type OverflowMode, type QuantMode } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, PoolOp, Precision, Window } from '../../src/ir/layers.ts';
import { samePadding, windowOutputSpatial } from '../../src/ir/window.ts';

/** Test helper: layers with given precisions, chained in order (each layer's input is the previous one). */
export type LayerSpec = { [K in Layer['kind']]: Omit<Extract<Layer, { kind: K }>, 'inputs' | 'precision' | 'reuseFactor' | 'strategy'> } [Layer['kind']] & {
  precision?: Partial<Record<keyof Precision, string | FixedType>>;
};

export const DEFAULT = fixedType(16, 6);
const TABLE = parseFixedType('ap_fixed<18,8,AP_RND,AP_SAT>');

/** Every precision variable at the model default, tables and softmax accum at ap_fixed<18,8,AP_RND,AP_SAT>. */
export function defaultPrecision(kind: Layer['kind']): Precision {
  const tables = { table: TABLE, exp_table: TABLE, inv_table: TABLE, recurrent_table: TABLE, recurrent_weight: DEFAULT, state: DEFAULT };
  const base = { result: DEFAULT, weight: DEFAULT, bias: DEFAULT, accum: DEFAULT, scale: DEFAULT, param: DEFAULT, ...tables };
  return kind === 'softmax' ? { ...base, accum: TABLE } : base;
}

export function chain(specs: LayerSpec[], name = 'test'): Graph {
  const layers = specs.map((spec, i) => {
    const precision: Record<string, FixedType> = { ...defaultPrecision(spec.kind) };
    for (const [k, v] of Object.entries(spec.precision ?? {})) precision[k] = typeof v === 'string' ? parseFixedType(v) : v!;
    return {
      ...spec,
      inputs: i === 0 ? [] : [specs[i - 1].name],
      precision: precision as Precision,
      reuseFactor: 1,
      strategy: 'latency',
    } as Layer;
  });
  return { name, layers, outputs: [specs[specs.length - 1].name] };
}

/** Deterministic pseudo-random generator (mulberry32) so failures reproduce. */
export const rng = mulberry32;

/** n values uniform in [−scale, scale), a fraction `zeros` of them exactly 0. */
export function randomArray(random: () => number, n: number, scale: number, zeros = 0): Float64Array {
  return Float64Array.from({ length: n }, () => (random() < zeros ? 0 : (random() * 2 - 1) * scale));
}

/** Test helper: like `chain`, but each spec names its inputs (a branching graph); outputs default to the last. */
export function dag(specs: (LayerSpec & { from?: string[] })[], outputs?: string[], name = 'test'): Graph {
  const g = chain(specs, name);
  const layers = g.layers.map((l, i) => ({ ...l, inputs: specs[i].from ?? l.inputs }) as Layer);
  return { ...g, layers: layers.map((l) => { const { from: _f, ...rest } = l as Layer & { from?: string[] }; return rest as Layer; }), outputs: outputs ?? g.outputs };
}

/**
 * Window attributes for the convolution-family helpers below: per spatial axis; strides and dilations default to 1;
 * `padding: 'same'` computes Keras/ONNX SAME_UPPER pads through src/ir/window.ts, else padBegin/padEnd (default 0).
 */
export interface WindowOptions {
  kernel: number[];
  strides?: number[];
  dilations?: number[];
  padBegin?: number[];
  padEnd?: number[];
  padding?: 'valid' | 'same';
}

type Precisions = LayerSpec['precision'];

export function windowOf(inShape: readonly number[], o: WindowOptions): Window & { outSpatial: number[] } {
  const r = inShape.length - 1;
  const ones = Array<number>(r).fill(1);
  const strides = o.strides ?? ones;
  const dilations = o.dilations ?? ones;
  const same = o.padding === 'same' ? inShape.slice(0, r).map((s, a) => samePadding(s, o.kernel[a], strides[a], dilations[a])) : undefined;
  const padBegin = same ? same.map((p) => p[0]) : (o.padBegin ?? Array<number>(r).fill(0));
  const padEnd = same ? same.map((p) => p[1]) : (o.padEnd ?? Array<number>(r).fill(0));
  const w = { kernel: o.kernel, strides, dilations, padBegin, padEnd };
  return { ...w, outSpatial: windowOutputSpatial(inShape.slice(0, r), w) };
}

/** A conv layer over a channels-last input: random weights (scale `weightScale`, a fraction `zeros` exactly 0). */
export function conv(
  name: string, inShape: readonly number[], nOut: number, o: WindowOptions & { random?: () => number; weightScale?: number; zeros?: number; precision?: Precisions },
): LayerSpec {
  const { outSpatial, ...w } = windowOf(inShape, o);
  const nIn = inShape[inShape.length - 1];
  const random = o.random ?? rng(1);
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  return {
    kind: 'conv', name, shape: [...outSpatial, nOut], nIn, nOut, ...w, precision: o.precision,
    weights: randomArray(random, taps * nIn * nOut, o.weightScale ?? 1, o.zeros ?? 0),
    bias: randomArray(random, nOut, o.weightScale ?? 1),
  };
}

/** A depthwise_conv layer with channel multiplier m, random weights as `conv`. */
export function depthwiseConv(
  name: string, inShape: readonly number[], multiplier: number, o: WindowOptions & { random?: () => number; weightScale?: number; zeros?: number; precision?: Precisions },
): LayerSpec {
  const { outSpatial, ...w } = windowOf(inShape, o);
  const channels = inShape[inShape.length - 1];
  const random = o.random ?? rng(1);
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  return {
    kind: 'depthwise_conv', name, shape: [...outSpatial, channels * multiplier], channels, multiplier, ...w, precision: o.precision,
    weights: randomArray(random, taps * channels * multiplier, o.weightScale ?? 1, o.zeros ?? 0),
    bias: randomArray(random, channels * multiplier, o.weightScale ?? 1),
  };
}

/** A max or average pool layer (default strides: the kernel, as Keras's pool_size). */
export function pool(
  name: string, inShape: readonly number[], op: PoolOp, o: WindowOptions & { countPad?: boolean; precision?: Precisions },
): LayerSpec {
  const { outSpatial, ...w } = windowOf(inShape, { strides: o.kernel, ...o });
  return { kind: 'pool', name, op, countPad: o.countPad ?? false, shape: [...outSpatial, inShape[inShape.length - 1]], ...w, precision: o.precision };
}

const spatialOut = (inShape: readonly number[], f: (s: number, a: number) => number): number[] => [
  ...inShape.slice(0, -1).map(f), inShape[inShape.length - 1],
];

export const pad = (name: string, inShape: readonly number[], padBegin: number[], padEnd: number[]): LayerSpec =>
  ({ kind: 'pad', name, padBegin, padEnd, shape: spatialOut(inShape, (s, a) => s + padBegin[a] + padEnd[a]) });
export const crop = (name: string, inShape: readonly number[], cropBegin: number[], cropEnd: number[]): LayerSpec =>
  ({ kind: 'crop', name, cropBegin, cropEnd, shape: spatialOut(inShape, (s, a) => s - cropBegin[a] - cropEnd[a]) });
export const upsample = (name: string, inShape: readonly number[], factors: number[]): LayerSpec =>
  ({ kind: 'upsample', name, factors, shape: spatialOut(inShape, (s, a) => s * factors[a]) });

/** A random type of width in `width`, integer bits in [−2, W + 2), the given modes or random ones. */
export function randomType(random: () => number, width: [number, number], quant?: QuantMode, overflow?: OverflowMode): FixedType {
  const w = width[0] + Math.floor(random() * (width[1] - width[0] + 1));
  const integer = Math.floor(random() * (w + 4)) - 2;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const o = overflow ?? pick(OVERFLOW_MODES);
  const signed = o === 'AP_WRAP_SM' || random() < 0.8; // the vendor header refuses ap_ufixed with AP_WRAP_SM
  return fixedType(w, integer, { signed, quant: quant ?? pick(QUANT_MODES), overflow: o });
}

import { fracBits, quantizeDouble, quantizeScaledBig, type FixedType } from '../../src/fixed/index.ts';
import { reciprocal } from '../../src/fixed/reciprocal.ts';
import { sizeOf, type Graph } from '../../src/ir/graph.ts';
import type { Layer, LayerOf } from '../../src/ir/layers.ts';
import { windowIndex, windowTaps } from '../../src/ir/window.ts';

/**
 * A test oracle for the convolution family, written from docs/arithmetic.md alone in BigInt (no code shared with the
 * emulator or the backends beyond the ap_fixed cast and the window gather): every value is an exact mantissa on its
 * type's grid. Handles graphs of input, conv, depthwise_conv, pool, pad, crop and upsample layers (any branching).
 */
interface Value {
  readonly m: bigint[];
  readonly type: FixedType;
  readonly shape: readonly number[];
}

const F = fracBits;
/** Q_t of the exact value m · 2^−frac. */
const q = (m: bigint, frac: number, t: FixedType): bigint => quantizeScaledBig(m, frac, t);
/** Exact a·2^−fa + b·2^−fb on the finer grid. */
function add(a: bigint, fa: number, b: bigint, fb: number): [bigint, number] {
  const f = Math.max(fa, fb);
  return [(a << BigInt(f - fa)) + (b << BigInt(f - fb)), f];
}

function need(l: Layer, v: 'weight' | 'bias' | 'accum'): FixedType {
  const t = l.precision[v];
  if (!t) throw new Error(`${l.name}: ${v} precision missing`);
  return t;
}

/** One dense product (the contract): acc = Q_accum(bq); acc = Q_accum(acc + x·w) in the given order; Q_result(acc). */
function product(l: Layer, terms: [bigint, number][], bias: number, xFrac: number): bigint {
  const [wt, bt, at] = [need(l, 'weight'), need(l, 'bias'), need(l, 'accum')];
  let acc = q(BigInt(quantizeDouble(bias, bt)), F(bt), at);
  for (const [x, w] of terms) {
    const [s, f] = add(acc, F(at), x * BigInt(quantizeDouble(w, wt)), xFrac + F(wt));
    acc = q(s, f, at);
  }
  return q(acc, F(at), l.precision.result);
}

function windowed(l: LayerOf<'conv' | 'depthwise_conv' | 'pool'>, x: Value) {
  const spatial = x.shape.slice(0, -1);
  const taps = windowTaps(l);
  const index = windowIndex(spatial, l);
  return { taps, index, positions: index.length / taps, channels: x.shape[x.shape.length - 1] };
}

function layerValue(l: Layer, xs: Value[]): Value {
  const x = xs[0];
  const res = l.precision.result;
  const out: bigint[] = [];
  switch (l.kind) {
    case 'conv': {
      const { taps, index, positions, channels } = windowed(l, x);
      for (let p = 0; p < positions; p++)
        for (let f = 0; f < l.nOut; f++) {
          const terms: [bigint, number][] = [];
          for (let t = 0; t < taps; t++) {
            const s = index[p * taps + t];
            if (s >= 0) for (let c = 0; c < channels; c++) terms.push([x.m[s * channels + c], l.weights[(t * l.nIn + c) * l.nOut + f]]);
          }
          out.push(product(l, terms, l.bias[f], F(x.type)));
        }
      return { m: out, type: res, shape: l.shape };
    }
    case 'depthwise_conv': {
      const { taps, index, positions, channels } = windowed(l, x);
      const m = l.multiplier;
      for (let p = 0; p < positions; p++)
        for (let c = 0; c < channels; c++)
          for (let k = 0; k < m; k++) {
            const terms: [bigint, number][] = [];
            for (let t = 0; t < taps; t++) {
              const s = index[p * taps + t];
              if (s >= 0) terms.push([x.m[s * channels + c], l.weights[(t * channels + c) * m + k]]);
            }
            out.push(product(l, terms, l.bias[c * m + k], F(x.type)));
          }
      return { m: out, type: res, shape: l.shape };
    }
    case 'pool': {
      const { taps, index, positions, channels } = windowed(l, x);
      for (let p = 0; p < positions; p++)
        for (let c = 0; c < channels; c++) {
          const vs: bigint[] = [];
          for (let t = 0; t < taps; t++) if (index[p * taps + t] >= 0) vs.push(x.m[index[p * taps + t] * channels + c]);
          if (l.op === 'max') out.push(q(vs.reduce((a, b) => (b > a ? b : a)), F(x.type), res));
          else {
            const r = reciprocal(l.countPad ? taps : vs.length);
            out.push(q(vs.reduce((a, b) => a + b, 0n) * BigInt(r.mantissa), F(x.type) + r.frac, res));
          }
        }
      return { m: out, type: res, shape: l.shape };
    }
    case 'pad':
    case 'crop':
    case 'upsample': {
      const r = x.shape.length - 1;
      const c = x.shape[r];
      const o = new Array<number>(r).fill(0);
      for (let p = 0; p < sizeOf(l.shape) / c; p++) {
        let s = 0;
        for (let a = 0; a < r; a++) {
          const i = l.kind === 'pad' ? o[a] - l.padBegin[a] : l.kind === 'crop' ? o[a] + l.cropBegin[a] : Math.floor(o[a] / l.factors[a]);
          s = s < 0 || i < 0 || i >= x.shape[a] ? -1 : s * x.shape[a] + i;
        }
        for (let k = 0; k < c; k++) out.push(s < 0 ? 0n : x.m[s * c + k]);
        for (let a = r - 1; a >= 0 && ++o[a] === l.shape[a]; a--) o[a] = 0;
      }
      return { m: out, type: x.type, shape: l.shape };
    }
    default:
      throw new Error(`conv-reference: layer kind ${l.kind} is not modelled`);
  }
}

/** The exact outputs of `graph` (graph.outputs in order, one row per sample) on a single-input graph. */
export function referenceOutputs(graph: Graph, inputs: Float64Array, batch: number): Float64Array {
  const input = graph.layers.find((l) => l.kind === 'input')!;
  const width = sizeOf(input.shape);
  const rows: number[] = [];
  for (let n = 0; n < batch; n++) {
    const values = new Map<string, Value>();
    const t = input.precision.result;
    values.set(input.name, { m: Array.from(inputs.subarray(n * width, n * width + width), (v) => BigInt(quantizeDouble(v, t))), type: t, shape: input.shape });
    for (const l of graph.layers) if (l.kind !== 'input') values.set(l.name, layerValue(l, l.inputs.map((i) => values.get(i)!)));
    for (const o of graph.outputs) {
      const v = values.get(o)!;
      for (const m of v.m) rows.push(Number(m) * 2 ** -F(v.type));
    }
  }
  return Float64Array.from(rows);
}

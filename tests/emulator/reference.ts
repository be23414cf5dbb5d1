import {
  doubleParts,
  EXP_RANGE,
  expTable,
  fracBits,
  invRange,
  invTable,
  quantizeScaledBig,
  SIGMOID_RANGE,
  sigmoidTable,
  TANH_RANGE,
  tanhTable,
  ELU_RANGE,
  SOFTPLUS_RANGE,
  SILU_RANGE,
  SOFTSIGN_RANGE,
  activationTable,
  type FixedType,
  type OverflowStats,
} from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { referenceRecurrent } from './reference-recurrent.ts';
import type { Layer, LayerOf, PrecisionVar } from '../../src/ir/layers.ts';

/**
 * An independent, slow, obviously-correct oracle for the emulator, written straight from docs/arithmetic.md:
 * exact rationals m · 2^−f in BigInt, every cast through quantizeScaledBig, no skipping, no shortcuts.
 * Overflow counting convention: constants (weights, biases, scales, parameters) count once per run, every other
 * cast each time it happens.
 */
interface Exact {
  m: bigint;
  f: number;
}

const exact = (x: number): Exact => {
  const { mantissa, frac } = doubleParts(x);
  return { m: BigInt(mantissa), f: frac };
};
const align = (a: Exact, f: number): bigint => a.m << BigInt(f - a.f);
const add = (a: Exact, b: Exact): Exact => {
  const f = Math.max(a.f, b.f);
  return { m: align(a, f) + align(b, f), f };
};
const mul = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, f: a.f + b.f });
const cmp = (a: Exact, b: Exact): number => {
  const f = Math.max(a.f, b.f);
  const d = align(a, f) - align(b, f);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/** floor(a · 2^k) */
const floorScaled = (a: Exact, k: number): bigint => (k >= a.f ? a.m << BigInt(k - a.f) : a.m >> BigInt(a.f - k));
/** Row-major coordinates of element j of a shape, and back. */
const coords = (j: number, shape: readonly number[]): number[] => {
  const c = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) (c[a] = j % shape[a]), (j = Math.floor(j / shape[a]));
  return c;
};
const flat = (c: readonly number[], shape: readonly number[]): number => c.reduce((acc, v, a) => acc * shape[a] + v, 0);
const clampIndex = (i: bigint, n: number): number => Number(i < 0n ? 0n : i > BigInt(n - 1) ? BigInt(n - 1) : i);

export interface ReferenceResult {
  output: number[];
  overflowsByVar: Record<string, Partial<Record<PrecisionVar, number>>>;
}

export function referenceEmulate(graph: Graph, inputs: Float64Array, batch: number): ReferenceResult {
  const counts: Record<string, Partial<Record<PrecisionVar, number>>> = {};
  const values = new Map<string, Exact[]>();
  for (const layer of graph.layers) {
    const Q = (v: Exact, variable: PrecisionVar): Exact => {
      const t = layer.precision[variable] as FixedType;
      const stats: OverflowStats = { overflows: 0 };
      const m = quantizeScaledBig(v.m, v.f, t, stats);
      if (stats.overflows) (counts[layer.name] ??= {})[variable] = (counts[layer.name][variable] ?? 0) + 1;
      return { m, f: fracBits(t) };
    };
    const xs = layer.kind === 'input' ? [inputPart(graph, layer, inputs, batch).map(exact)] : layer.inputs.map((p) => values.get(p)!);
    const inShape = graph.layers.find((l) => l.name === layer.inputs[0])?.shape ?? layer.shape;
    values.set(layer.name, isWindowed(layer) ? referenceWindowed(layer, xs[0], inShape, Q, batch) : referenceLayer(layer, xs, Q, batch));
  }
  // several outputs: concatenated per sample in the order of graph.outputs
  const output: number[] = [];
  for (let r = 0; r < batch; r++)
    for (const o of graph.outputs) {
      const v = values.get(o)!;
      const n = v.length / batch;
      for (const e of v.slice(r * n, (r + 1) * n)) output.push(Number(e.m) * 2 ** -e.f);
    }
  return { output, overflowsByVar: counts };
}

/** An input layer's columns of the rows: the inputs of a sample are the input layers' tensors one after the other. */
function inputPart(graph: Graph, layer: Layer, inputs: Float64Array, batch: number): number[] {
  const ins = graph.layers.filter((l) => l.kind === 'input');
  const size = (l: Layer) => l.shape.reduce((a, b) => a * b, 1);
  const width = ins.reduce((a, l) => a + size(l), 0);
  const offset = ins.slice(0, ins.findIndex((l) => l.name === layer.name)).reduce((a, l) => a + size(l), 0);
  const part: number[] = [];
  for (let r = 0; r < batch; r++) part.push(...inputs.slice(r * width + offset, r * width + offset + size(layer)));
  return part;
}

type Cast = (v: Exact, variable: PrecisionVar) => Exact;

/** A product as its accumulator adds it: exact, or cast to accum first under Arithmetic: hls4ml (docs/arithmetic.md). */
const productTerm = (layer: Layer, Q: Cast) => (p: Exact): Exact => ('accumulation' in layer && layer.accumulation === 'hls4ml' ? Q(p, 'accum') : p);

type Windowed = LayerOf<'conv' | 'depthwise_conv' | 'pool' | 'pad' | 'crop' | 'upsample'>;
const isWindowed = (l: Layer): l is Windowed => ['conv', 'depthwise_conv', 'pool', 'pad', 'crop', 'upsample'].includes(l.kind);

/**
 * The convolution family by direct coordinate loops (docs/arithmetic.md, "Convolution, depthwise convolution,
 * pooling"): for each output coordinate, each kernel coordinate row-major, input coordinate o·stride + k·dilation −
 * padBegin per axis, skipped when outside the input.
 */
function referenceWindowed(layer: Windowed, x: Exact[], inShape: readonly number[], Q: Cast, batch: number): Exact[] {
  const r = inShape.length - 1;
  const C = inShape[r];
  const inSize = inShape.reduce((a, b) => a * b, 1);
  const outSpatial = layer.shape.slice(0, r);
  const positions = outSpatial.reduce((a, b) => a * b, 1);
  const zero: Exact = { m: 0n, f: 0 };
  const at = (s: number, i: number[], c: number): Exact => x[s * inSize + flat([...i, c], inShape)];
  const out: Exact[] = [];
  if (layer.kind === 'pad' || layer.kind === 'crop' || layer.kind === 'upsample') {
    const size = layer.shape.reduce((a, b) => a * b, 1);
    for (let s = 0; s < batch; s++)
      for (let j = 0; j < size; j++) {
        const o = coords(j, layer.shape);
        const i = o.slice(0, r).map((v, a) =>
          layer.kind === 'pad' ? v - layer.padBegin[a] : layer.kind === 'crop' ? v + layer.cropBegin[a] : Math.floor(v / layer.factors[a]),
        );
        out.push(i.some((v, a) => v < 0 || v >= inShape[a]) ? zero : at(s, i, o[r]));
      }
    return out;
  }
  const kernelSize = layer.kernel.reduce((a, b) => a * b, 1);
  /** the input coordinates of tap k of output position o, or undefined in the padding */
  const tap = (o: number[], k: number[]): number[] | undefined => {
    const i = o.map((v, a) => v * layer.strides[a] + k[a] * layer.dilations[a] - layer.padBegin[a]);
    return i.some((v, a) => v < 0 || v >= inShape[a]) ? undefined : i;
  };
  const weights = layer.kind === 'pool' ? [] : Array.from(layer.weights, (w) => Q(exact(w), 'weight'));
  const bias = layer.kind === 'pool' ? [] : Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
  const term = productTerm(layer, Q);
  for (let s = 0; s < batch; s++)
    for (let pi = 0; pi < positions; pi++) {
      const o = coords(pi, outSpatial);
      const kernelTaps = Array.from({ length: kernelSize }, (_, t) => tap(o, coords(t, layer.kernel)));
      if (layer.kind === 'conv')
        for (let f = 0; f < layer.nOut; f++) {
          let acc = Q(bias[f], 'accum');
          kernelTaps.forEach((i, t) => {
            if (i) for (let c = 0; c < C; c++) acc = Q(add(acc, term(mul(at(s, i, c), weights[(t * C + c) * layer.nOut + f]))), 'accum');
          });
          out.push(Q(acc, 'result'));
        }
      else if (layer.kind === 'depthwise_conv')
        for (let c = 0; c < C; c++)
          for (let k = 0; k < layer.multiplier; k++) {
            let acc = Q(bias[c * layer.multiplier + k], 'accum');
            kernelTaps.forEach((i, t) => {
              if (i) acc = Q(add(acc, term(mul(at(s, i, c), weights[(t * C + c) * layer.multiplier + k]))), 'accum');
            });
            out.push(Q(acc, 'result'));
          }
      else
        for (let c = 0; c < C; c++) {
          const v = kernelTaps.filter((i) => i !== undefined).map((i) => at(s, i, c));
          if (layer.op === 'max') {
            out.push(v.length === 0 ? zero : Q(v.reduce((a, b) => (cmp(b, a) > 0 ? b : a)), 'result'));
            continue;
          }
          const n = layer.countPad ? kernelSize : v.length;
          if (n === 0) {
            out.push(zero);
            continue;
          }
          out.push(Q(mul(v.reduce(add, zero), reciprocalOf(n)), 'result'));
        }
    }
  return out;
}

/** 1/n rounded to nearest, ties up, on 18 + ⌈log2 n⌉ fraction bits: quotient and remainder of 2^F / n. */
function reciprocalOf(n: number): Exact {
  const f = 18 + (n === 1 ? 0 : (n - 1).toString(2).length);
  const [num, d] = [1n << BigInt(f), BigInt(n)];
  const [q, rem] = [num / d, num % d];
  return { m: 2n * rem >= d ? q + 1n : q, f };
}

function referenceLayer(layer: Layer, xs: Exact[][], Q: Cast, batch: number): Exact[] {
  const last = layer.shape[layer.shape.length - 1];
  const x = xs[0];
  const size = layer.shape.reduce((a, b) => a * b, 1);
  switch (layer.kind) {
    case 'reshape':
      return x;
    case 'transpose': {
      // out[o_0..o_k] = in[i] with i_{perm[a]} = o_a, walked with explicit coordinates
      const inShape: number[] = [];
      layer.perm.forEach((p, a) => (inShape[p] = layer.shape[a]));
      const out: Exact[] = [];
      for (let r = 0; r < batch; r++)
        for (let j = 0; j < size; j++) {
          const o = coords(j, layer.shape);
          const i: number[] = [];
          layer.perm.forEach((p, a) => (i[p] = o[a]));
          out.push(x[r * size + flat(i, inShape)]);
        }
      return out;
    }
    case 'concatenate': {
      const n = xs.map((v) => v.length / batch);
      const out: Exact[] = [];
      for (let r = 0; r < batch; r++)
        for (let j = 0; j < size; j++) {
          const o = coords(j, layer.shape);
          let along = o[layer.axis];
          let k = 0;
          for (; ; k++) {
            const extent = (n[k] * layer.shape[layer.axis]) / size;
            if (along < extent) break;
            along -= extent;
          }
          const inShape = layer.shape.map((d, a) => (a === layer.axis ? (n[k] * d) / size : d));
          out.push(Q(xs[k][r * n[k] + flat(o.map((c, a) => (a === layer.axis ? along : c)), inShape)], 'result'));
        }
      return out;
    }
    case 'merge':
      return x.map((_, i) => {
        const v = xs.map((t) => t[i]);
        const r = v.slice(1).reduce((a, b) => {
          switch (layer.op) {
            case 'add':
            case 'average':
              return add(a, b);
            case 'subtract':
              return add(a, { m: -b.m, f: b.f });
            case 'multiply':
              return mul(a, b);
            case 'maximum':
              return cmp(b, a) > 0 ? b : a;
            case 'minimum':
              return cmp(b, a) < 0 ? b : a;
          }
        }, v[0]);
        return Q(layer.op === 'average' ? { m: r.m, f: r.f + Math.log2(v.length) } : r, 'result');
      });
    case 'dot': {
      const n = x.length / batch;
      const out: Exact[] = [];
      for (let r = 0; r < batch; r++) {
        let acc: Exact = { m: 0n, f: 0 };
        for (let i = 0; i < n; i++) acc = add(acc, mul(x[r * n + i], xs[1][r * n + i]));
        out.push(Q(acc, 'result'));
      }
      return out;
    }
    case 'input':
    case 'linear':
      return x.map((v) => Q(v, 'result'));
    case 'identity':
      return x;
    case 'quant':
      throw new Error(`layer '${layer.name}': QONNX quantizers are lowered by the import-qonnx pass before this reference runs`);
    case 'relu':
      return x.map((v) => Q(v.m > 0n ? v : { m: 0n, f: 0 }, 'result'));
    case 'abs':
      return x.map((v) => Q({ m: v.m < 0n ? -v.m : v.m, f: v.f }, 'result'));
    case 'leaky_relu': {
      const alpha = Q(exact(layer.alpha), 'param');
      return x.map((v) => Q(v.m > 0n ? v : mul(alpha, v), 'result'));
    }
    case 'clip':
      return x.map((v) =>
        cmp(v, exact(layer.min)) < 0 ? Q(exact(layer.min), 'result') : cmp(v, exact(layer.max)) > 0 ? Q(exact(layer.max), 'result') : Q(v, 'result'),
      );
    case 'batchnorm': {
      const scale = Array.from(layer.scale, (s) => Q(exact(s), 'scale'));
      const bias = Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
      return x.map((v, i) => Q(add(mul(v, scale[i % scale.length]), bias[i % bias.length]), 'result'));
    }
    case 'dense': {
      // constants are quantized once per run (their overflows count once), the accumulation per sample
      const weights = Array.from(layer.weights, (w) => Q(exact(w), 'weight'));
      const bias = Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
      const term = productTerm(layer, Q);
      const out: Exact[] = [];
      for (let r = 0; r < x.length / layer.nIn; r++)
        for (let j = 0; j < layer.nOut; j++) {
          let acc = Q(bias[j], 'accum');
          for (let i = 0; i < layer.nIn; i++) acc = Q(add(acc, term(mul(x[r * layer.nIn + i], weights[i * layer.nOut + j]))), 'accum');
          out.push(Q(acc, 'result'));
        }
      return out;
    }
    case 'sigmoid':
    case 'tanh': {
      const n = layer.tableSize;
      const range = layer.kind === 'sigmoid' ? SIGMOID_RANGE : TANH_RANGE;
      const table = (layer.kind === 'sigmoid' ? sigmoidTable : tanhTable)(n, layer.precision.table!);
      const k = Math.log2(n / range);
      return x.map((v) => Q(exact(table[clampIndex(floorScaled(v, k) + BigInt(n / 2), n)]), 'result'));
    }
    case 'prelu': {
      const alpha = Array.from(layer.alpha, (a) => Q(exact(a), 'param'));
      return x.map((v, i) => Q(v.m > 0n ? v : mul(alpha[i % alpha.length], v), 'result'));
    }
    case 'hard_sigmoid': {
      const [a, b] = [Q(exact(layer.alpha), 'param'), Q(exact(layer.beta), 'param')];
      const one = exact(1);
      return x.map((v) => {
        const t = add(mul(a, v), b);
        return t.m <= 0n ? Q({ m: 0n, f: 0 }, 'result') : cmp(t, one) >= 0 ? Q(one, 'result') : Q(t, 'result');
      });
    }
    case 'hard_tanh':
      return x.map((v) => (cmp(v, exact(-1)) < 0 ? Q(exact(-1), 'result') : cmp(v, exact(1)) > 0 ? Q(exact(1), 'result') : Q(v, 'result')));
    case 'thresholded_relu':
      return x.map((v) => (cmp(v, exact(layer.theta)) > 0 ? Q(v, 'result') : Q({ m: 0n, f: 0 }, 'result')));
    case 'binary_tanh':
      return x.map((v) => Q(exact(v.m > 0n ? 1 : -1), 'result'));
    case 'ternary_tanh': {
      const t = exact(layer.threshold);
      const minusT = { m: -t.m, f: t.f };
      return x.map((v) => Q(exact(cmp(v, t) > 0 ? 1 : cmp(v, minusT) > 0 ? 0 : -1), 'result'));
    }
    case 'elu':
    case 'selu':
    case 'softplus':
    case 'softsign':
    case 'silu': {
      // docs/arithmetic.md, "More activations by lookup table": range and exact branch restated from the table there
      const n = layer.tableSize;
      const range = { elu: ELU_RANGE, selu: ELU_RANGE, softplus: SOFTPLUS_RANGE, silu: SILU_RANGE, softsign: SOFTSIGN_RANGE }[layer.kind];
      const table = activationTable(layer, n, layer.precision.table!);
      const k = Math.log2(n / range);
      const lambda = layer.kind === 'selu' ? Q(exact(layer.scale), 'param') : undefined;
      return x.map((v) => {
        if ((layer.kind === 'elu' || layer.kind === 'selu') && v.m >= 0n) return Q(lambda ? mul(lambda, v) : v, 'result');
        if ((layer.kind === 'softplus' || layer.kind === 'silu') && cmp(v, exact(range / 2)) >= 0) return Q(v, 'result');
        return Q(exact(table[clampIndex(floorScaled(v, k) + BigInt(n / 2), n)]), 'result');
      });
    }
    case 'softmax': {
      const n = layer.tableSize;
      const exps = expTable(n, layer.precision.exp_table!);
      const invs = invTable(n, last, layer.precision.inv_table!);
      const out: Exact[] = [];
      for (let g = 0; g < x.length; g += last) {
        const group = x.slice(g, g + last);
        const mx = group.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
        const e = group.map((v) => {
          const negD = add(mx, { m: -v.m, f: v.f }); // −d = max − x ≥ 0
          return exact(exps[clampIndex(floorScaled(negD, Math.log2(n / EXP_RANGE)), n)]);
        });
        let s: Exact = { m: 0n, f: 0 };
        for (const ei of e) s = Q(add(s, ei), 'accum');
        const inv = exact(invs[clampIndex(floorScaled(s, Math.log2(n / invRange(last))), n)]);
        for (const ei of e) out.push(Q(mul(ei, inv), 'result'));
      }
      return out;
    }
    case 'lstm':
    case 'gru':
    case 'simple_rnn':
      return referenceRecurrent(layer, x, Q, batch);
    default:
      throw new Error(`the BigInt reference has no ${layer.kind} yet`);
  }
}

/**
 * A reference for the convolution family while the emulator has no kernels for it (docs/arithmetic.md,
 * "Convolution"): conv and depthwise run the emulator's dense layer over the im2col vectors of src/ir/window.ts
 * (a padding tap is an input 0, which adds an exact 0), pooling and data moves are computed here with BigInt
 * mantissas and src/fixed casts. Every other layer runs through the emulator on its own.
 */
import { fracBits, quantizeScaledBig, reciprocal, toValue, type FixedType } from '../../../../src/fixed/index.ts';
import { emulate } from '../../../../src/emulator/index.ts';
import { sizeOf, type Graph } from '../../../../src/ir/graph.ts';
import { KINDS } from '../../../../src/ir/kinds.ts';
import type { Layer, LayerOf } from '../../../../src/ir/layers.ts';
import { windowIndex, windowTaps } from '../../../../src/ir/window.ts';

interface Tensor {
  readonly values: Float64Array; // batch × size
  readonly shape: readonly number[];
  readonly type: FixedType;
}

export function oracle(graph: Graph, inputs: Float64Array, batch: number): Float64Array {
  const tensors = new Map<string, Tensor>();
  const rowWidth = graph.layers.filter((l) => l.kind === 'input').reduce((a, l) => a + sizeOf(l.shape), 0);
  let offset = 0;
  for (const layer of graph.layers) {
    if (layer.kind === 'input') {
      const n = sizeOf(layer.shape);
      const own = Float64Array.from({ length: batch * n }, (_, i) => inputs[Math.floor(i / n) * rowWidth + offset + (i % n)]);
      offset += n;
      const run = emulate({ name: 'in', layers: [layer], outputs: [layer.name] }, own, batch, { mode: 'fixed' });
      tensors.set(layer.name, { values: run.output, shape: layer.shape, type: layer.precision.result });
      continue;
    }
    const xs = layer.inputs.map((i) => tensors.get(i)!);
    const type = KINDS[layer.kind].passThrough ? xs[0].type : layer.precision.result;
    tensors.set(layer.name, { values: apply(layer, xs, batch), shape: layer.shape, type });
  }
  const outs = graph.outputs.map((o) => tensors.get(o)!);
  const width = outs.reduce((a, t) => a + sizeOf(t.shape), 0);
  const result = new Float64Array(batch * width);
  for (let s = 0; s < batch; s++) {
    let at = s * width;
    for (const t of outs) {
      const n = sizeOf(t.shape);
      result.set(t.values.subarray(s * n, (s + 1) * n), at);
      at += n;
    }
  }
  return result;
}

function apply(layer: Layer, xs: readonly Tensor[], batch: number): Float64Array {
  const x = xs[0];
  switch (layer.kind) {
    case 'conv':
      return im2colDense(layer, x, batch, layer.nIn, [{ channels: Array.from({ length: layer.nIn }, (_, c) => c), weights: layer.weights, bias: layer.bias, nOut: layer.nOut, at: 0 }]);
    case 'depthwise_conv':
      return depthwise(layer, x, batch);
    case 'pool':
      return pool(layer, x, batch);
    case 'pad':
      return move(layer, x, batch, (p) => p.map((v, a) => v - layer.padBegin[a]));
    case 'crop':
      return move(layer, x, batch, (p) => p.map((v, a) => v + layer.cropBegin[a]));
    case 'upsample':
      return move(layer, x, batch, (p) => p.map((v, a) => Math.floor(v / layer.factors[a])));
    default: {
      // the layer alone, fed by one input layer per producer (a row: the producers' tensors one after another)
      const ins = xs.map((t, k) => ({ kind: 'input', name: `__in${k}`, inputs: [], shape: t.shape, precision: { result: t.type }, reuseFactor: 1, strategy: 'latency' }) as Layer);
      const g: Graph = { name: 'one', layers: [...ins, { ...layer, inputs: ins.map((l) => l.name) } as Layer], outputs: [layer.name] };
      const width = xs.reduce((a, t) => a + sizeOf(t.shape), 0);
      const rows = new Float64Array(batch * width);
      for (let s = 0; s < batch; s++) {
        let at = s * width;
        for (const t of xs) {
          const n = sizeOf(t.shape);
          rows.set(t.values.subarray(s * n, (s + 1) * n), at);
          at += n;
        }
      }
      return emulate(g, rows, batch, { mode: 'fixed' }).output;
    }
  }
}

interface DenseGroup {
  readonly channels: readonly number[];
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly nOut: number;
  /** first output channel */
  readonly at: number;
}

/** For each group: y[p, at + f] = dense(im2col of the group's channels at p). */
function im2colDense(layer: LayerOf<'conv' | 'depthwise_conv'>, x: Tensor, batch: number, nChan: number, groups: readonly DenseGroup[]): Float64Array {
  const index = windowIndex(x.shape.slice(0, -1), layer);
  const taps = windowTaps(layer);
  const positions = index.length / taps;
  const outC = layer.shape[layer.shape.length - 1];
  const inSize = sizeOf(x.shape);
  const out = new Float64Array(batch * positions * outC);
  for (const g of groups) {
    const n = taps * g.channels.length;
    const rows = new Float64Array(batch * positions * n);
    for (let s = 0; s < batch; s++)
      for (let p = 0; p < positions; p++)
        for (let t = 0; t < taps; t++) {
          const q = index[p * taps + t];
          g.channels.forEach((c, k) => (rows[(s * positions + p) * n + t * g.channels.length + k] = q < 0 ? 0 : x.values[s * inSize + q * nChan + c]));
        }
    const input = { kind: 'input', name: '__in', inputs: [], shape: [n], precision: { result: x.type }, reuseFactor: 1, strategy: 'latency' } as Layer;
    const dense = { kind: 'dense', name: '__d', inputs: ['__in'], shape: [g.nOut], nIn: n, nOut: g.nOut, weights: g.weights, bias: g.bias, precision: layer.precision, reuseFactor: 1, strategy: 'latency' } as Layer;
    const y = emulate({ name: 'im2col', layers: [input, dense], outputs: ['__d'] }, rows, batch * positions, { mode: 'fixed' }).output;
    for (let r = 0; r < batch * positions; r++) for (let f = 0; f < g.nOut; f++) out[r * outC + g.at + f] = y[r * g.nOut + f];
  }
  return out;
}

function depthwise(layer: LayerOf<'depthwise_conv'>, x: Tensor, batch: number): Float64Array {
  const taps = windowTaps(layer);
  const m = layer.multiplier;
  const groups = Array.from({ length: layer.channels }, (_, c) => ({
    channels: [c],
    weights: Float64Array.from({ length: taps * m }, (_, i) => layer.weights[(Math.floor(i / m) * layer.channels + c) * m + (i % m)]),
    bias: layer.bias.slice(c * m, (c + 1) * m),
    nOut: m,
    at: c * m,
  }));
  return im2colDense(layer, x, batch, layer.channels, groups);
}

/** max: the largest non-padding tap, cast; average: Q_result(exact sum · r_n), in BigInt mantissas. */
function pool(layer: LayerOf<'pool'>, x: Tensor, batch: number): Float64Array {
  const index = windowIndex(x.shape.slice(0, -1), layer);
  const taps = windowTaps(layer);
  const positions = index.length / taps;
  const C = x.shape[x.shape.length - 1];
  const F = fracBits(x.type);
  const inSize = sizeOf(x.shape);
  const res = layer.precision.result;
  const out = new Float64Array(batch * positions * C);
  const m = (v: number) => BigInt(v * 2 ** F);
  for (let s = 0; s < batch; s++)
    for (let p = 0; p < positions; p++)
      for (let c = 0; c < C; c++) {
        const valid = Array.from(index.subarray(p * taps, (p + 1) * taps)).filter((q) => q >= 0);
        const vals = valid.map((q) => m(x.values[s * inSize + q * C + c]));
        let mant: bigint;
        let frac = F;
        if (layer.op === 'max') mant = vals.length ? vals.reduce((a, b) => (b > a ? b : a)) : 0n;
        else {
          const n = layer.countPad ? taps : valid.length;
          const r = reciprocal(n);
          mant = vals.reduce((a, b) => a + b, 0n) * BigInt(r.mantissa);
          frac = F + r.frac;
        }
        out[(s * positions + p) * C + c] = toValue(Number(quantizeScaledBig(mant, frac, res)), res);
      }
  return out;
}

/** y[p] = x[source(p)] (spatial positions), 0 where the source lies outside the input. */
function move(layer: Layer, x: Tensor, batch: number, source: (p: number[]) => number[]): Float64Array {
  const inSp = x.shape.slice(0, -1);
  const outSp = layer.shape.slice(0, -1);
  const C = x.shape[x.shape.length - 1];
  const inSize = sizeOf(x.shape);
  const outSize = sizeOf(layer.shape);
  const out = new Float64Array(batch * outSize);
  for (let s = 0; s < batch; s++)
    for (let o = 0; o < sizeOf(outSp); o++) {
      const p = outSp.length === 1 ? [o] : [Math.floor(o / outSp[1]), o % outSp[1]];
      const q = source(p);
      if (q.some((v, a) => v < 0 || v >= inSp[a])) continue;
      const qi = q.length === 1 ? q[0] : q[0] * inSp[1] + q[1];
      for (let c = 0; c < C; c++) out[s * outSize + o * C + c] = x.values[s * inSize + qi * C + c];
    }
  return out;
}

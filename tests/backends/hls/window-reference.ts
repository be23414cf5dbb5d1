/**
 * An independent BigInt reference of docs/arithmetic.md "Convolution, depthwise convolution, pooling", written
 * straight from the contract (no emulator code): the test oracle beside the emulator for the HLS convolution family.
 * Values in and out are exact doubles on their types' grids; every sum and product is exact in BigInt mantissas and
 * every cast goes through src/fixed's quantizeScaledBig.
 */
import { fracBits, quantizeDouble, quantizeScaledBig, type FixedType } from '../../../src/fixed/index.ts';
import type { LayerOf } from '../../../src/ir/layers.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../../src/ir/window.ts';

/** An exact value with its grid: mantissa · 2^−frac. */
interface Exact { m: bigint; frac: number }

const exactOf = (v: number, frac: number): Exact => ({ m: BigInt(v * 2 ** frac), frac });
const valueOf = (e: Exact): number => Number(e.m) / 2 ** e.frac;
const align = (e: Exact, frac: number): bigint => e.m << BigInt(frac - e.frac);
const add = (a: Exact, b: Exact): Exact => {
  const frac = Math.max(a.frac, b.frac);
  return { m: align(a, frac) + align(b, frac), frac };
};
const mul = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, frac: a.frac + b.frac });
const cast = (e: Exact, t: FixedType): Exact => ({ m: quantizeScaledBig(e.m, e.frac, t), frac: fracBits(t) });
/** A weight quantized to its type, as an exact value. */
const weight = (v: number, t: FixedType): Exact => ({ m: BigInt(quantizeDouble(v, t)), frac: fracBits(t) });

function geometry(layer: LayerOf<'conv' | 'depthwise_conv' | 'pool'>, inShape: readonly number[]) {
  const spatial = inShape.slice(0, -1);
  const taps = windowTaps(layer);
  const positions = windowOutputSpatial(spatial, layer).reduce((a, b) => a * b, 1);
  return { index: windowIndex(spatial, layer), taps, positions, channels: inShape[inShape.length - 1] };
}

/** y[p, f] = Q_result(acc), acc = Q_accum(bq_f) then Q_accum(acc + x·wq) over taps, then channels. */
export function convReference(layer: LayerOf<'conv'>, x: Float64Array, xType: FixedType, inShape: readonly number[]): Float64Array {
  const { index, taps, positions } = geometry(layer, inShape);
  const { accum, weight: wt, bias: bt, result } = layer.precision as Required<typeof layer.precision>;
  const xf = fracBits(xType);
  const out = new Float64Array(positions * layer.nOut);
  for (let p = 0; p < positions; p++)
    for (let f = 0; f < layer.nOut; f++) {
      let acc = cast(weight(layer.bias[f], bt), accum);
      for (let t = 0; t < taps; t++) {
        const q = index[p * taps + t];
        if (q < 0) continue;
        for (let c = 0; c < layer.nIn; c++)
          acc = cast(add(acc, mul(exactOf(x[q * layer.nIn + c], xf), weight(layer.weights[(t * layer.nIn + c) * layer.nOut + f], wt))), accum);
      }
      out[p * layer.nOut + f] = valueOf(cast(acc, result));
    }
  return out;
}

/** y[p, c·m + k] = Q_result(acc), acc = Q_accum(bq) then Q_accum(acc + x[tap, c]·wq[t][c][k]) over taps. */
export function depthwiseReference(layer: LayerOf<'depthwise_conv'>, x: Float64Array, xType: FixedType, inShape: readonly number[]): Float64Array {
  const { index, taps, positions, channels } = geometry(layer, inShape);
  const { accum, weight: wt, bias: bt, result } = layer.precision as Required<typeof layer.precision>;
  const xf = fracBits(xType);
  const nOut = channels * layer.multiplier;
  const out = new Float64Array(positions * nOut);
  for (let p = 0; p < positions; p++)
    for (let o = 0; o < nOut; o++) {
      const c = Math.floor(o / layer.multiplier);
      let acc = cast(weight(layer.bias[o], bt), accum);
      for (let t = 0; t < taps; t++) {
        const q = index[p * taps + t];
        if (q >= 0) acc = cast(add(acc, mul(exactOf(x[q * channels + c], xf), weight(layer.weights[t * nOut + o], wt))), accum);
      }
      out[p * nOut + o] = valueOf(cast(acc, result));
    }
  return out;
}

/** r_n = 1/n rounded to nearest (ties up) with 18 + ⌈log2 n⌉ fraction bits, from the definition. */
export function reciprocal(n: number): Exact {
  const frac = 18 + Math.ceil(Math.log2(n));
  const scaled = 2n ** BigInt(frac);
  const q = scaled / BigInt(n);
  const twiceRem = 2n * (scaled - q * BigInt(n));
  return { m: twiceRem >= BigInt(n) ? q + 1n : q, frac };
}

/** max: Q_result(max of the non-padding taps); average: Q_result(exact sum · r_n), n the taps that count. */
export function poolReference(layer: LayerOf<'pool'>, x: Float64Array, xType: FixedType, inShape: readonly number[]): Float64Array {
  const { index, taps, positions, channels } = geometry(layer, inShape);
  const xf = fracBits(xType);
  const out = new Float64Array(positions * channels);
  for (let p = 0; p < positions; p++)
    for (let c = 0; c < channels; c++) {
      const values: Exact[] = [];
      for (let t = 0; t < taps; t++) {
        const q = index[p * taps + t];
        if (q >= 0) values.push(exactOf(x[q * channels + c], xf));
      }
      let y: Exact;
      if (layer.op === 'max') y = values.reduce((a, b) => (b.m > a.m ? b : a));
      else {
        const n = layer.countPad ? taps : values.length;
        y = mul(values.reduce(add, { m: 0n, frac: xf }), reciprocal(n));
      }
      out[p * channels + c] = valueOf(cast(y, layer.precision.result));
    }
  return out;
}

/**
 * Padding, cropping, upsampling by coordinates: output spatial coordinate o reads input coordinate src(o, axis), or
 * 0 when that is outside the input. Values are copied (no cast).
 */
export function moveReference(layer: LayerOf<'pad' | 'crop' | 'upsample'>, x: Float64Array, inShape: readonly number[]): Float64Array {
  const spatial = inShape.slice(0, -1);
  const channels = inShape[inShape.length - 1];
  const src = (o: number, a: number): number =>
    layer.kind === 'pad' ? o - layer.padBegin[a] : layer.kind === 'crop' ? o + layer.cropBegin[a] : Math.floor(o / layer.factors[a]);
  const outSpatial = layer.shape.slice(0, -1);
  const out = new Float64Array(layer.shape.reduce((a, b) => a * b, 1));
  const rows = outSpatial.length === 2 ? outSpatial[0] : 1;
  const cols = outSpatial[outSpatial.length - 1];
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < cols; k++) {
      const coords = outSpatial.length === 2 ? [src(r, 0), src(k, 1)] : [src(k, 0)];
      const inside = coords.every((v, a) => v >= 0 && v < spatial[a]);
      const q = outSpatial.length === 2 ? coords[0] * spatial[1] + coords[1] : coords[0];
      for (let c = 0; c < channels; c++) out[(r * cols + k) * channels + c] = inside ? x[q * channels + c] : 0;
    }
  return out;
}

import { accumulation, Caster, fracBits, quantizeDouble, toValue, type FixedType } from '../../fixed/index.ts';
import { maxMagnitude } from '../exact.ts';
import type { Layer } from '../../ir/layers.ts';
import type { Counters, Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { denseBig } from './dense-big.ts';
import { denseFloat } from './dense-float.ts';
import { denseNumber } from './dense-number.ts';
import { denseSimd } from './dense-simd.ts';

/**
 * Dense, docs/arithmetic.md: acc = Q_accum(bq_j); for i ascending: acc = Q_accum(acc + x_i · wq_ij); y_j = Q_result(acc).
 * Zero weights are skipped (Q_accum(acc + 0) = acc). Weights are kept per output column as (i, mantissa) lists.
 * 32-bit SIMD lanes when they are provably exact (dense-simd.ts), else number arithmetic when every sum acc + x·w
 * fits in 53 bits on the common grid, BigInt otherwise. `Arithmetic: hls4ml` (layer.accumulation) casts each product to
 * accum first: where that differs from this chain, the BigInt path with that cast (dense-big.ts).
 */
export interface DenseConstants {
  readonly nIn: number;
  readonly nOut: number;
  /** column j's nonzero weights are entries start[j] .. start[j+1]−1 of index/weight */
  readonly start: Int32Array;
  readonly index: Int32Array;
  /** weight mantissas (value · 2^F_weight) */
  readonly weight: Float64Array;
  /** bq_j = Q_bias(b_j) as exact values; each path starts acc at Q_accum(bq_j) */
  readonly bias: Float64Array;
  readonly inType: FixedType;
  readonly weightType: FixedType;
  readonly accum: FixedType;
  readonly result: Caster;
}

export const dense: Kernel<'dense'> = {
  fixed(layer, inputs, counters) {
    const { nIn, nOut, weights } = layer;
    const step = denseStep(layer, { nIn, nOut, weight: (i, j) => weights[i * nOut + j] }, single(layer, inputs), counters);
    return { ...step, run: ([x]) => step.rows(x, nIn === 0 ? 0 : x.length / nIn) };
  },
  float: (layer, [x], _batch, out) => denseFloat(layer, x, out),
};

/** A dense matrix given by its entries (0 entries are never multiplied), with the bias of a layer carrying the types. */
export interface DenseMatrix {
  readonly nIn: number;
  readonly nOut: number;
  weight(i: number, j: number): number;
}

export interface DenseStep {
  readonly type: FixedType;
  readonly variant: string;
  begin(): void;
  /** `rows` rows of nIn input mantissas → rows × nOut result mantissas (possibly a buffer reused by the next call) */
  rows(x: Float64Array, rows: number): Float64Array;
}

/**
 * The dense contract over any matrix: used by dense itself and by the convolutions over their im2col rows. The layer
 * provides the weight/bias/accum/result types and the bias; weights are quantized here once (overflows counted once
 * per run in `begin`). `simd: false` keeps a mostly-zero matrix off the SIMD path, which multiplies every entry.
 */
export function denseStep(
  layer: Layer & { readonly bias: Float64Array },
  matrix: DenseMatrix,
  inType: FixedType,
  counters: Counters,
  opts: { simd?: boolean } = {},
): DenseStep {
  const [weightType, biasType, accum] = [need(layer, 'weight'), need(layer, 'bias'), need(layer, 'accum')];
  const constant = { weight: { overflows: 0 }, bias: { overflows: 0 } };
  const { nIn, nOut } = matrix;
  const start = new Int32Array(nOut + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let j = 0; j < nOut; j++) {
    for (let i = 0; i < nIn; i++) {
      const w = quantizeDouble(matrix.weight(i, j), weightType, constant.weight);
      if (w !== 0) index.push(i), weight.push(w);
    }
    start[j + 1] = index.length;
  }
  const bias = Float64Array.from(layer.bias, (b) => toValue(quantizeDouble(b, biasType, constant.bias), biasType));
  const k: DenseConstants = {
    nIn, nOut, start, bias, inType, weightType, accum,
    index: Int32Array.from(index),
    weight: Float64Array.from(weight),
    result: new Caster(fracBits(accum), need(layer, 'result'), counters.stats('result')),
  };
  const accStats = counters.stats('accum');
  const hls4ml = 'accumulation' in layer && layer.accumulation === 'hls4ml';
  if (accumulation(accum, hls4ml).castProducts) {
    const rows = denseBig(k, accStats, true);
    return { type: k.result.type, variant: 'cast-products', begin: () => addConstantOverflows(counters, constant), rows };
  }
  const simd = opts.simd === false ? undefined : denseSimd(k, accStats);
  const variant = simd ? 'simd' : fitsNumbers(k) ? 'number' : 'bigint';
  const run = simd ?? (variant === 'number' ? denseNumber(k, accStats) : denseBig(k, accStats));
  return {
    type: k.result.type,
    variant,
    begin: () => addConstantOverflows(counters, constant),
    rows: run,
  };
}

function addConstantOverflows(counters: Counters, constant: { weight: { overflows: number }; bias: { overflows: number } }): void {
  counters.stats('weight').overflows += constant.weight.overflows;
  counters.stats('bias').overflows += constant.bias.overflows;
}

/** On the grid G = max(F_accum, F_x + F_w): |acc| · 2^(G−F_accum) + |x|·|w| · 2^(G−F_x−F_w) < 2^52 for every term
 * (one bit of headroom so that d ± ½ in dense-number.ts stays exact). */
function fitsNumbers(k: DenseConstants): boolean {
  const productFrac = fracBits(k.inType) + fracBits(k.weightType);
  const grid = Math.max(fracBits(k.accum), productFrac);
  let maxWeight = 0;
  for (const w of k.weight) maxWeight = Math.max(maxWeight, Math.abs(w));
  const acc = maxMagnitude(k.accum.width, k.accum.signed) * 2 ** (grid - fracBits(k.accum));
  const term = maxMagnitude(k.inType.width, k.inType.signed) * maxWeight * 2 ** (grid - productFrac);
  return acc + term < 2 ** 52 && Math.abs(grid - fracBits(k.accum)) < 900;
}

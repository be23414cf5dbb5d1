import { fixedType, fracBits, type FixedType } from './fixed-type.ts';
import { quantizeDouble } from './quantize.ts';
import { log2Exact } from './tables.ts';

/**
 * hls4ml's softmax implementations (docs/arithmetic.md, "hls4ml-compatible arithmetic"): table contents, table sizes,
 * index arithmetic and default types, once for the emulator, the C++ and the Verilog. Tables hold exact double VALUES
 * of their type; indexers take MANTISSAS.
 *
 *   stable:  d_i = Q_norm(max − x_i);  e_i = expTable[top bits of d_i];  s = tree sum in accum;
 *            inv = invTable[top bits of Q_invInp(s), sign bit included];  y_i = Q_result(e_i · inv)
 *   latency: the same without the max: e_i = expTable[top bits of x_i, sign bit included] (a table of e^x)
 *   legacy:  per output i, s_i = Σ_j exp(x_j − x_i) from a centred table (j ascending, each sum cast to table_t);
 *            y_i = Q_result(invTable[trunc(s_i · N/64)])
 *   argmax:  y = one-hot of the first maximum (1 cast to result)
 */
export type SoftmaxImplementation = 'hlsforge' | 'stable' | 'latency' | 'legacy' | 'argmax';
export const SOFTMAX_IMPLEMENTATIONS: readonly SoftmaxImplementation[] = ['hlsforge', 'stable', 'latency', 'legacy', 'argmax'];

/** nnet::activ_config's table_t, which hls4ml's legacy softmax reads (its softmax config declares no table_t). */
export const LEGACY_TABLE_TYPE: FixedType = fixedType(18, 8);
/** legacy exp table input range: x ∈ [−8, 8) */
export const LEGACY_EXP_RANGE = 16;
/** legacy 1/x table input range: s ∈ [0, 64) */
export const LEGACY_INV_RANGE = 64;

/** The stable softmax's inp_norm_t: ap_ufixed<W−1, I−1> of a signed input, ap_ufixed<W, I> of an unsigned one (AP_TRN, AP_WRAP). */
export const stableNormType = (input: FixedType): FixedType =>
  fixedType(input.width - (input.signed ? 1 : 0), input.integer - (input.signed ? 1 : 0), { signed: false });

/** hls4ml's default softmax accum_t: exp_table_t with ceil(log2 n) more integer bits (AP_TRN, AP_WRAP). */
export function defaultSoftmaxAccum(expTable: FixedType, n: number): FixedType {
  const g = Math.ceil(Math.log2(Math.max(n, 1)));
  return fixedType(expTable.width + g, expTable.integer + g, { signed: expTable.signed });
}

/** The exp table size the stable softmax uses: shrunk to 2^(W−1) for a signed input (hls4ml's config writer does this). */
export const stableExpTableSize = (size: number, input: FixedType): number => (input.signed ? Math.min(size, 2 ** (input.width - 1)) : size);

/** Index bits N of a table of `size` entries addressed by the top bits of type `t`, or an Error saying why not. */
export function topBits(size: number, t: FixedType, what: string): number {
  const n = log2Exact(size, `${what} size`);
  if (n > t.width) throw new Error(`${what} size must be at most 2^${t.width} (the width of its index type), not ${size}`);
  return n;
}

/** The index of a value of type t (its mantissa m): its top N bits (W−1 … W−N), sign bit included, as unsigned. */
export function topBitsIndexer(size: number, t: FixedType, what: string): (m: number) => number {
  const n = topBits(size, t, what);
  const shift = 2 ** (t.width - n);
  const wrap = 2 ** n;
  return (m) => {
    const q = Math.floor(m / shift); // exact: a power-of-two scaling, floor of the two's complement bits
    return ((q % wrap) + wrap) % wrap;
  };
}

/** The value of type t whose top N bits are i and whose other bits are 0 (where hls4ml samples its tables). */
export function topBitsSample(size: number, t: FixedType, i: number): number {
  const n = log2Exact(size, 'table size');
  let m = i * 2 ** (t.width - n);
  if (t.signed && i >= size / 2) m -= 2 ** t.width;
  return m * 2 ** -fracBits(t);
}

const q = (v: number, t: FixedType): number => quantizeDouble(v, t) * 2 ** -fracBits(t);
/** C++ `float` results (hls4ml computes its tables with float std::exp and float division). */
const f32 = Math.fround;
/** 1/0 = +inf as a cast source: ap_fixed reads inf as a huge power of two (saturates, or wraps to 0). */
const finite = (v: number): number => (v === Infinity ? Number.MAX_VALUE : v === -Infinity ? -Number.MAX_VALUE : v);

/** stable: expTable[i] = Q_exp(e^−x), x = the norm-type value with top bits i; latency: e^x of the input-type value. */
export function hls4mlExpTable(impl: 'stable' | 'latency', size: number, index: FixedType, t: FixedType): Float64Array {
  topBits(size, index, 'exp table');
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = f32(topBitsSample(size, index, i));
    out[i] = q(f32(Math.exp(impl === 'stable' ? -x : x)), t);
  }
  return out;
}

/** invTable[i] = Q_inv(1/x), x = the inv_inp_t value with top bits i (left edge; 1/0 saturates). */
export function hls4mlInvTable(size: number, index: FixedType, t: FixedType): Float64Array {
  topBits(size, index, 'inverse table');
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = q(finite(f32(1 / f32(topBitsSample(size, index, i)))), t);
  return out;
}

/** legacy: expTable[i] = Q_table(e^x), x = 16 · (i − N/2) / N (left bin edges over [−8, 8)). */
export function legacyExpTable(size: number, t: FixedType = LEGACY_TABLE_TYPE): Float64Array {
  legacySize(size);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = q(f32(Math.exp(f32((LEGACY_EXP_RANGE * (i - size / 2)) / size))), t);
  return out;
}

/** legacy: invTable[i] = Q_table(1/x), x = 64 · i / N; entry 0 is 0. */
export function legacyInvTable(size: number, t: FixedType = LEGACY_TABLE_TYPE): Float64Array {
  legacySize(size);
  const out = new Float64Array(size);
  for (let i = 1; i < size; i++) out[i] = q(1 / f32((LEGACY_INV_RANGE * i) / size), t);
  return out;
}

/** The legacy tables' index scales N/16 and N/64 must be whole powers of two: N ≥ 64. */
function legacySize(size: number): void {
  log2Exact(size, 'table size');
  if (size < LEGACY_INV_RANGE) throw new Error(`the legacy softmax's table size must be at least ${LEGACY_INV_RANGE}, not ${size}`);
}

/**
 * C's `int` of v · N / R for a value v = m · 2^−frac, as hls4ml's `int i = x * N / R` computes it: truncation toward
 * zero (ap_fixed's division and its int conversion both truncate toward zero), then `offset` added and clamped to [0, N−1].
 */
export function truncIndexer(size: number, range: number, frac: number, offset: number): (m: number) => number {
  const scale = 2 ** (log2Exact(size / range, `table size / range (${size} / ${range})`) - frac);
  return (m) => {
    const i = Math.trunc(m * scale) + offset;
    return i < 0 ? 0 : i > size - 1 ? size - 1 : i;
  };
}

/**
 * hls4ml's reduce(): the pairing order of its adder tree over n leaves, as nested [left, right] index ranges.
 * reduce(x, n) = op(reduce(x, L), reduce(x + L, n − L)), L = the largest power of two below n (n = 2: op(x0, x1)).
 */
export type ReduceTree = number | readonly [ReduceTree, ReduceTree];
export function reduceTree(n: number, first = 0): ReduceTree {
  if (n <= 1) return first;
  if (n === 2) return [first, first + 1];
  const left = 2 ** Math.floor(Math.log2(n - 1));
  return [reduceTree(left, first), reduceTree(n - left, first + left)];
}

/**
 * hls4ml's sigmoid and tanh tables: N entries at the LEFT bin edges x_i = R · (i − N/2) / N (a float), sigmoid as
 * float `1.0 / (1 + expf(−x))`, tanh as double `tanh(x)`, cast to table_t. Indexed by truncIndexer(N, R, F, N/2).
 */
export function hls4mlActivationTable(kind: 'sigmoid' | 'tanh', size: number, range: number, t: FixedType): Float64Array {
  log2Exact(size, 'table size');
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = f32((range * (i - size / 2)) / size);
    out[i] = q(kind === 'sigmoid' ? f32(1 / f32(1 + f32(Math.exp(-x)))) : Math.tanh(x), t);
  }
  return out;
}

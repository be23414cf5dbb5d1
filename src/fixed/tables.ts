import type { FixedType } from './fixed-type.ts';
import { quantizeArray } from './quantize.ts';

/**
 * Lookup-table contents and index arithmetic for sigmoid, tanh and softmax, exactly as docs/arithmetic.md defines them.
 * Computed once here and emitted as constants by the C++ and Verilog backends, so the implementations cannot drift.
 * Every table holds exact double VALUES of its table type.
 */

/** Input range of the sigmoid table: x ∈ [−8, 8). */
export const SIGMOID_RANGE = 16;
/** Input range of the tanh table: x ∈ [−4, 4). */
export const TANH_RANGE = 8;
/** Input range of the softmax exp table: −d ∈ [0, 8). */
export const EXP_RANGE = 8;
/** Default table size N of every table. */
export const DEFAULT_TABLE_SIZE = 1024;

/** Softmax 1/s table range: the smallest power of two ≥ nElements (and ≥ 2). */
export function invRange(nElements: number): number {
  let r = 2;
  while (r < nElements) r *= 2;
  return r;
}

/** log2 of an exact power of two (also < 1), or an Error naming what was expected. */
export function log2Exact(x: number, what: string): number {
  const k = Math.round(Math.log2(x));
  if (!(x > 0) || 2 ** k !== x) throw new Error(`${what} must be a power of two, not ${x}`);
  return k;
}

/** k = log2(N / R): the table index of x is floor(x · 2^k) + N/2. */
export const indexShift = (n: number, range: number): number => log2Exact(n / range, `table size / range (${n} / ${range})`);

/** Table of f at the N bin centres (i − N/2 + ½) · R / N, for an odd-ish activation over [−R/2, R/2). */
function centredTable(n: number, range: number, f: (x: number) => number, t: FixedType): Float64Array {
  indexShift(n, range);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = f(((i - n / 2 + 0.5) * range) / n);
  return quantizeArray(raw, t);
}

export const sigmoidTable = (n: number, t: FixedType): Float64Array =>
  centredTable(n, SIGMOID_RANGE, (x) => 1 / (1 + Math.exp(-x)), t);

export const tanhTable = (n: number, t: FixedType): Float64Array => centredTable(n, TANH_RANGE, Math.tanh, t);

/** expTable[i] = Q(exp(−i · R_exp / N)): left bin edges, so a difference of 0 (the maximum) maps to exactly 1. */
export function expTable(n: number, t: FixedType): Float64Array {
  log2Exact(n / EXP_RANGE, `table size / exp range (${n} / ${EXP_RANGE})`);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = Math.exp((-i * EXP_RANGE) / n);
  return quantizeArray(raw, t);
}

/** invTable[i] = Q(1 / max((i + ½) · R_inv / N, 1)), R_inv = invRange(nElements). */
export function invTable(n: number, nElements: number, t: FixedType): Float64Array {
  const range = invRange(nElements);
  log2Exact(n / range, `table size / inverse range (${n} / ${range})`);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = 1 / Math.max(((i + 0.5) * range) / n, 1);
  return quantizeArray(raw, t);
}

/** Input ranges of the tables of the activations in docs/arithmetic.md, "More activations by lookup table". */
export const ELU_RANGE = 16;
export const SOFTPLUS_RANGE = 16;
export const SILU_RANGE = 16;
export const SOFTSIGN_RANGE = 64;

/**
 * Where a table activation is computed exactly instead of read from its table: `nonnegative` for x ≥ 0 (elu, selu:
 * y = Q_result(λq · x), λq = 1 for elu), `upper` for x ≥ R/2 (softplus, silu: y = Q_result(x)), `none` (softsign).
 */
export type ExactBranch = 'nonnegative' | 'upper' | 'none';

/** A table activation's parameters, as the IR layer holds them. */
export type TableActivationSpec =
  | { readonly kind: 'elu'; readonly alpha: number }
  | { readonly kind: 'selu'; readonly alpha: number; readonly scale: number }
  | { readonly kind: 'softplus' | 'softsign' | 'silu' };

export interface TableFunction {
  readonly range: number;
  readonly exact: ExactBranch;
  /** the function itself, in double precision (also the float-mode value) */
  readonly f: (x: number) => number;
}

/** The function, range and exact branch of each table activation (docs/arithmetic.md). */
export function tableFunction(spec: TableActivationSpec): TableFunction {
  switch (spec.kind) {
    case 'elu':
      return { range: ELU_RANGE, exact: 'nonnegative', f: (x) => (x > 0 ? x : spec.alpha * Math.expm1(x)) };
    case 'selu':
      return { range: ELU_RANGE, exact: 'nonnegative', f: (x) => spec.scale * (x > 0 ? x : spec.alpha * Math.expm1(x)) };
    case 'softplus': // log(1 + e^x) = max(x, 0) + log1p(e^−|x|), without overflow
      return { range: SOFTPLUS_RANGE, exact: 'upper', f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))) };
    case 'silu':
      return { range: SILU_RANGE, exact: 'upper', f: (x) => x / (1 + Math.exp(-x)) };
    case 'softsign':
      return { range: SOFTSIGN_RANGE, exact: 'none', f: (x) => x / (1 + Math.abs(x)) };
  }
}

/**
 * Table of a table activation: f at the N bin centres of [−R/2, R/2), like sigmoid. Entries in the exact branch are
 * never read; they hold f too (elu/selu: the exact branch's own value), so the table stays within f's range there.
 */
export const activationTable = (spec: TableActivationSpec, n: number, t: FixedType): Float64Array => {
  const fn = tableFunction(spec);
  return centredTable(n, fn.range, fn.f, t);
};

const clampIndex = (i: number, n: number): number => (i <= 0 ? 0 : i > n - 1 ? n - 1 : i);

/**
 * Table indexing, once for every implementation: each indexer takes the MANTISSA m of a value v = m · 2^−frac
 * (the emulator's representation) and returns the clamped table index. floor(m · 2^(k − frac)) = floor(v · 2^k) is
 * exact (a power-of-two scaling of an integer-valued double). The RTL takes the same bits by slicing (indexShift).
 */

/** Sigmoid/tanh: clamp(floor(v · N / R) + N/2, 0, N−1). */
export function activationIndexer(n: number, range: number, frac: number): (m: number) => number {
  const scale = 2 ** (indexShift(n, range) - frac);
  const half = n / 2;
  return (m) => clampIndex(Math.floor(m * scale) + half, n);
}

/** Softmax exp table, of −d = max − x ≥ 0 (given as its mantissa): clamp(floor(−d · N / R_exp), 0, N−1). */
export function expIndexer(n: number, frac: number): (negD: number) => number {
  const scale = 2 ** (log2Exact(n / EXP_RANGE, `table size / exp range (${n} / ${EXP_RANGE})`) - frac);
  return (negD) => clampIndex(Math.floor(negD * scale), n);
}

/** Softmax inverse table, of the sum s: clamp(floor(s · N / R_inv), 0, N−1). */
export function invIndexer(n: number, nElements: number, frac: number): (s: number) => number {
  const range = invRange(nElements);
  const scale = 2 ** (log2Exact(n / range, `table size / inverse range (${n} / ${range})`) - frac);
  return (s) => clampIndex(Math.floor(s * scale), n);
}

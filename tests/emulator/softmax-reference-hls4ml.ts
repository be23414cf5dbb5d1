import type { FixedType } from '../../src/fixed/index.ts';

/**
 * An independent reference of hls4ml's softmax implementations, written from hls4ml's documented semantics
 * (docs/arithmetic.md, "hls4ml-compatible arithmetic") with BigInt mantissas: no code shared with the emulator
 * beyond the FixedType shape. Only AP_TRN/AP_RND and AP_WRAP/AP_SAT are modelled (the tests use those).
 * Rows are BigInt mantissas of the input type (fraction bits `frac`); results are mantissas of `result`.
 */
const big = BigInt;
const floorDiv = (a: bigint, d: bigint) => (a >= 0n ? a / d : -((-a + d - 1n) / d));

export function cast(num: bigint, frac: number, t: FixedType): bigint {
  const F = t.width - t.integer;
  const s = frac - F;
  let m: bigint;
  if (s <= 0) m = num << big(-s);
  else {
    const d = 1n << big(s);
    m = floorDiv(num, d);
    if (t.quant === 'AP_RND' && (num - m * d) * 2n >= d) m += 1n;
    else if (t.quant !== 'AP_TRN' && t.quant !== 'AP_RND') throw new Error(`reference: ${t.quant} not modelled`);
  }
  const lo = t.signed ? -(1n << big(t.width - 1)) : 0n;
  const hi = (t.signed ? 1n << big(t.width - 1) : 1n << big(t.width)) - 1n;
  if (t.overflow === 'AP_SAT') return m < lo ? lo : m > hi ? hi : m;
  if (t.overflow !== 'AP_WRAP') throw new Error(`reference: ${t.overflow} not modelled`);
  const mod = 1n << big(t.width);
  return ((((m - lo) % mod) + mod) % mod) + lo;
}

/** A finite double as num · 2^−frac. */
function exact(v: number): [bigint, number] {
  let frac = 0;
  while (!Number.isInteger(v)) (v *= 2), frac++;
  return [big(v), frac];
}
const castDouble = (v: number, t: FixedType) => cast(...exact(Number.isFinite(v) ? v : Number.MAX_VALUE), t);
const F = (t: FixedType) => t.width - t.integer;
const log2 = (n: number) => Math.round(Math.log2(n));

/** The signed/unsigned value of type t whose top `bits` bits are i (the rest 0), as a double. */
function sample(i: number, bits: number, t: FixedType): number {
  let m = big(i) << big(t.width - bits);
  if (t.signed && i >= 2 ** (bits - 1)) m -= 1n << big(t.width);
  return Number(m) / 2 ** F(t);
}
/** Top `bits` bits of mantissa m of type t, two's complement. */
const top = (m: bigint, bits: number, t: FixedType) => Number((((m % (1n << big(t.width))) + (1n << big(t.width))) % (1n << big(t.width))) >> big(t.width - bits));

export interface TopBitsTypes {
  input: FixedType;
  expTable: FixedType;
  invTable: FixedType;
  accum: FixedType;
  result: FixedType;
  size: number;
}

/** stable (subtractMax) and latency softmax of one row. */
export function topBitsRow(x: bigint[], ty: TopBitsTypes, subtractMax: boolean): bigint[] {
  const { input, expTable, invTable, accum, result } = ty;
  const norm: FixedType = { ...input, signed: false, width: input.width - (input.signed ? 1 : 0), integer: input.integer - (input.signed ? 1 : 0), quant: 'AP_TRN', overflow: 'AP_WRAP' };
  const index = subtractMax ? norm : input;
  const expSize = subtractMax && input.signed ? Math.min(ty.size, 2 ** (input.width - 1)) : ty.size;
  const eb = log2(expSize);
  const mx = x.reduce((a, b) => (b > a ? b : a));
  const leaves = x.map((xi) => {
    const key = subtractMax ? cast(mx - xi, F(input), norm) : xi;
    const at = Math.fround(sample(top(key, eb, index), eb, index));
    const e = castDouble(Math.fround(Math.exp(subtractMax ? -at : at)), expTable);
    return cast(e, F(expTable), accum);
  });
  const sum = (lo: number, n: number): bigint => {
    if (n === 1) return leaves[lo];
    let left = 1;
    while (left * 2 < n) left *= 2;
    return cast(sum(lo, left) + sum(lo + left, n - left), F(accum), accum);
  };
  const s = cast(sum(0, x.length), F(accum), expTable);
  const ib = log2(ty.size);
  const inv = castDouble(Math.fround(1 / Math.fround(sample(top(s, ib, expTable), ib, expTable))), invTable);
  return leaves.map((e) => cast(e * inv, F(accum) + F(invTable), result));
}

/** legacy softmax of one row: table_t = ap_fixed<18,8> (AP_TRN, AP_WRAP). */
export function legacyRow(x: bigint[], input: FixedType, result: FixedType, size: number): bigint[] {
  const table: FixedType = { signed: true, width: 18, integer: 8, quant: 'AP_TRN', overflow: 'AP_WRAP' };
  const clamp = (i: bigint) => Number(i < 0n ? 0n : i > big(size - 1) ? big(size - 1) : i);
  const out: bigint[] = [];
  for (let i = 0; i < x.length; i++) {
    let s = 0n;
    for (let j = 0; j < x.length; j++) {
      let term = 1n << big(F(table));
      if (j !== i) {
        // C's int of (x_j − x_i) · N / 16: BigInt division truncates toward zero
        const idx = clamp((x[j] - x[i]) * big(size) / (16n << big(F(input))) + big(size / 2));
        term = castDouble(Math.fround(Math.exp(Math.fround((16 * (idx - size / 2)) / size))), table);
      }
      s = cast(s + term, F(table), table);
    }
    const k = clamp((s * big(size)) / (64n << big(F(table))));
    const inv = k === 0 ? 0n : castDouble(1 / Math.fround((64 * k) / size), table);
    out.push(cast(inv, F(table), result));
  }
  return out;
}

/** argmax: 1 (cast to result) at the first maximum, 0 elsewhere. */
export function argmaxRow(x: bigint[], result: FixedType): bigint[] {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
  return x.map((_, i) => (i === best ? castDouble(1, result) : 0n));
}

import {
  EXP_RANGE,
  SIGMOID_RANGE,
  TANH_RANGE,
  expTable,
  fracBits,
  hls4mlActivationTable,
  indexShift,
  invRange,
  invTable,
  log2Exact,
  quantizeDouble,
  sigmoidTable,
  tanhTable,
  type FixedType,
} from '../../../fixed/index.ts';
import type { Layer } from '../../../ir/layers.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import type { Fx } from '../netlist/fx.ts';
import type { Rom, Sig } from '../netlist/netlist.ts';
import { combLayer } from './comb-layer.ts';
import { need } from './elementwise.ts';
import { fxWidth } from './ports.ts';
import type { RtlLayer } from './types.ts';
import { BRAM_PORTS } from '../../../estimate/rtl/costs.ts';
import { BRAM_ADDRESS_BITS } from '../timing.ts';
import { truncAddress } from './softmax-hls4ml.ts';

/**
 * Tables up to this many words are LUT ROMs (docs/rtl.md "ROMs"): read in the stage of their address logic (timing.ts
 * romReadNs: 1024 words 5 LUT levels, 2.25 ns, as Yosys maps them) for about 16 LUTs per word bit (a 1024 × 11 table:
 * 176 LUTs in Yosys), where a block RAM ends the stage and delivers ~0.9 ns into the next (blockRomIfFewReads).
 * Larger tables: by size.
 */
export const LUT_ROM_MAX_WORDS = 1024;

/**
 * The ROM as a block RAM when it has at most two reads (a RAMB18's ports) and at least 1024 words: its read then ends
 * a stage at the address pins (0.45 ns) and the word arrives ~0.9 ns into the next, where a 1024-word LUT ROM takes
 * 2.25 ns of its stage (timing.ts romReadNs). The softmax's 1/x table: the product's stage has room for those 0.9 ns.
 */
export const blockRomIfFewReads = (rom: Rom, reads: number): Rom =>
  reads <= BRAM_PORTS && rom.words.length >= 2 ** BRAM_ADDRESS_BITS ? { ...rom, style: 'block' } : rom;

/** A ROM holding the mantissas of `values` (exact values of type t), in t's internal width. */
export function romOf(name: string, values: Float64Array, t: FixedType, comment: string): Rom {
  const w = fxWidth(t);
  const mask = (1n << BigInt(w)) - 1n;
  const words = Array.from(values, (v) => BigInt(quantizeDouble(v, t)) & mask);
  return { name, width: w, words, comment, ...(words.length <= LUT_ROM_MAX_WORDS ? { style: 'logic' as const } : {}) };
}

/**
 * rom[addr] as a value on the 2^−frac grid, only as wide as the words need (the ROM keeps its type's width; the cut
 * is wiring), and whether every word is ≥ 0 (what saturating-sum.ts and variable-product.ts may rely on).
 */
export function romValue(b: ModuleBuilder, rom: Rom, addr: Sig, frac: number, hint: string): { fx: Fx; nonNegative: boolean } {
  const r = romRange(rom);
  return { fx: { sig: b.resize(b.rom(rom, addr, true, hint), r.width, true), frac }, nonNegative: r.nonNegative };
}

/** A ROM's words as signed values, the signed width they need, and whether all are ≥ 0. */
export function romRange(rom: Rom): { values: bigint[]; width: number; nonNegative: boolean } {
  const values = rom.words.map((w) => (w >= 1n << BigInt(rom.width - 1) ? w - (1n << BigInt(rom.width)) : w));
  const width = Math.max(...values.map((v) => (v < 0n ? (-v - 1n).toString(2).length + 1 : v.toString(2).length + 1)));
  return { values, width: Math.min(width, rom.width), nonNegative: values.every((v) => v >= 0n) };
}

/** floor(x · 2^k) as a signed integer: an arithmetic shift of the mantissa. */
export function floorShift(b: ModuleBuilder, x: Fx, k: number, hint: string): Sig {
  const s = x.frac - k;
  if (s <= 0) return b.shiftLeft(x.sig, -s, hint);
  const w = x.sig.width;
  return w > s ? b.resize(b.slice(x.sig, s, w - s, hint), w - s, true, hint) : b.resize(b.slice(x.sig, w - 1, 1, hint), 1, true, hint);
}

/**
 * clamp(v, 0, n−1) as an unsigned log2(n)-bit address, in about one LUT level: v < 0 is v's sign bit, v > n − 1 (v ≥ 0)
 * is an OR of its magnitude bits from log2(n) up; only the tests v's width allows are built.
 */
export function clampIndex(b: ModuleBuilder, v: Sig, n: number, hint: string): Sig {
  const bits = log2Exact(n, 'table size');
  if (bits === 0) return b.constant(0n, 1, false);
  const magnitude = v.width - (v.signed ? 1 : 0);
  let a = magnitude === 0 ? b.constant(0n, bits, false) : b.resize(b.slice(v, 0, Math.min(bits, magnitude), `${hint}_v`), bits, false);
  if (magnitude > bits) a = b.mux(b.redor(b.slice(v, bits, magnitude - bits, `${hint}_h`), `${hint}_hi`), b.constant(BigInt(n - 1), bits, false), a, `${hint}_c`);
  if (v.signed) a = b.mux(b.slice(v, v.width - 1, 1, `${hint}_lo`), b.constant(0n, bits, false), a, hint);
  return a;
}

/**
 * sigmoid and tanh: index = clamp(floor(x · 2^k) + N/2, 0, N−1), y = Q_result(table[index]). The ROM holds the
 * result casts Q_result(table[i]) of the src/fixed/tables.ts contents (the cast of a constant is a constant).
 */
function activationTable(layer: Extract<Layer, { kind: 'sigmoid' | 'tanh' }>, ctx: Parameters<RtlLayer<'sigmoid'>>[1], table: Float64Array, range: number) {
  const n = layer.tableSize;
  const k = indexShift(n, range);
  const res = layer.precision.result;
  const resultValues = table.map((v) => quantizeDouble(v, res) * 2 ** -fracBits(res));
  const rom = romOf(`${layer.kind}_table`, resultValues, res, `Q_result(${layer.kind} table[i]), ${n} entries, x range ${range}`);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => xs.map((x, i) => lookup(b, rom, x, n, k, `${i}`)));
}

/** table[clamp(floor(x · 2^k) + N/2, 0, N−1)] read from `rom` (signals named fl<hint>, idx<hint>, addr<hint>, y<hint>). */
export function lookup(b: ModuleBuilder, rom: Rom, x: Fx, n: number, k: number, hint: string): Sig {
  const idx = b.add(floorShift(b, x, k, `fl${hint}`), b.constant(BigInt(n / 2), log2Exact(n, 'table size') + 1, true), `idx${hint}`);
  return b.rom(rom, clampIndex(b, idx, n, `addr${hint}`), true, `y${hint}`);
}

export const sigmoid: RtlLayer<'sigmoid'> = (layer, ctx) =>
  layer.tableIndexing === 'hls4ml'
    ? hls4mlLookup(layer, ctx, SIGMOID_RANGE)
    : activationTable(layer, ctx, sigmoidTable(layer.tableSize, need(layer, 'table')), SIGMOID_RANGE);

export const tanh: RtlLayer<'tanh'> = (layer, ctx) =>
  layer.tableIndexing === 'hls4ml' ? hls4mlLookup(layer, ctx, TANH_RANGE) : activationTable(layer, ctx, tanhTable(layer.tableSize, need(layer, 'table')), TANH_RANGE);

/** hls4ml's sigmoid/tanh (Arithmetic: hls4ml): y = Q_result(table[clamp(trunc(x · N/R) + N/2)]), left-edge table. */
function hls4mlLookup(layer: Extract<Layer, { kind: 'sigmoid' | 'tanh' }>, ctx: Parameters<RtlLayer<'sigmoid'>>[1], range: number) {
  const n = layer.tableSize;
  const res = layer.precision.result;
  const table = hls4mlActivationTable(layer.kind, n, range, need(layer, 'table'));
  const rom = romOf(`${layer.kind}_table`, table.map((v) => quantizeDouble(v, res) * 2 ** -fracBits(res)), res, `Q_result(hls4ml ${layer.kind} table[i]), ${n} entries`);
  const k = log2Exact(n / range, 'table size / range');
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => xs.map((x, i) => b.rom(rom, truncAddress(b, x, k, n / 2, n, `addr${i}`), true, `y${i}`)));
}

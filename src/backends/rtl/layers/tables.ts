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
import { addFx, maxFx, mulFx, type Fx } from '../netlist/fx.ts';
import type { Rom, Sig } from '../netlist/netlist.ts';
import { combLayer } from './comb-layer.ts';
import { need } from './elementwise.ts';
import { fxWidth } from './ports.ts';
import type { RtlLayer } from './types.ts';
import { hls4mlSoftmax, truncAddress } from './softmax-hls4ml.ts';

/** A ROM holding the mantissas of `values` (exact values of type t), in t's internal width. */
export function romOf(name: string, values: Float64Array, t: FixedType, comment: string): Rom {
  const w = fxWidth(t);
  const mask = (1n << BigInt(w)) - 1n;
  return { name, width: w, words: Array.from(values, (v) => BigInt(quantizeDouble(v, t)) & mask), comment };
}

/** floor(x · 2^k) as a signed integer: an arithmetic shift of the mantissa. */
export function floorShift(b: ModuleBuilder, x: Fx, k: number, hint: string): Sig {
  const s = x.frac - k;
  if (s <= 0) return b.shiftLeft(x.sig, -s, hint);
  const w = x.sig.width;
  return w > s ? b.resize(b.slice(x.sig, s, w - s, hint), w - s, true, hint) : b.resize(b.slice(x.sig, w - 1, 1, hint), 1, true, hint);
}

/** clamp(v, 0, n−1) as an unsigned log2(n)-bit address. */
export function clampIndex(b: ModuleBuilder, v: Sig, n: number, hint: string): Sig {
  const bits = log2Exact(n, 'table size');
  const lo = b.lt(v, b.constant(0n, 1, true), `${hint}_lo`);
  const hi = b.gt(v, b.constant(BigInt(n - 1), bits + 1, true), `${hint}_hi`);
  const top = b.constant(BigInt(n - 1), bits + 1, true);
  const c = b.mux(lo, b.constant(0n, 1, true), b.mux(hi, top, v, `${hint}_c`), `${hint}_c`);
  return b.slice(c, 0, Math.max(bits, 1), hint);
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

/**
 * softmax over the last axis (docs/arithmetic.md): mx = max x (a compare tree), e_i = expTable[clamp(floor((mx − x_i) ·
 * N/8))], s = Q_accum(s + e_i) in ascending i, inv = invTable[clamp(floor(s · N/R_inv))], y_i = Q_result(e_i · inv).
 */
export const softmax: RtlLayer<'softmax'> = (layer, ctx) => {
  if (layer.implementation && layer.implementation !== 'hlsforge') return hls4mlSoftmax(layer, ctx);
  const n = layer.shape[layer.shape.length - 1];
  const size = layer.tableSize;
  const [expT, invT, accT, res] = [need(layer, 'exp_table'), need(layer, 'inv_table'), need(layer, 'accum'), layer.precision.result];
  const expRom = romOf('exp_table', expTable(size, expT), expT, `exp_table: Q(exp(-i * ${EXP_RANGE} / ${size}))`);
  const invRom = romOf('inv_table', invTable(size, n, invT), invT, `inv_table: Q(1 / max((i + 0.5) * ${invRange(n)} / ${size}, 1))`);
  const kExp = log2Exact(size / EXP_RANGE, 'table size / exp range');
  const kInv = log2Exact(size / invRange(n), 'table size / inverse range');
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => {
    const ys: Sig[] = [];
    for (let g = 0; g < xs.length; g += n) {
      const row = xs.slice(g, g + n);
      const mx = maxTree(b, row);
      const es = row.map((x, i) => {
        const d = { sig: b.sub(mx.sig, x.sig, `nd${g + i}`), frac: x.frac }; // −d_i = mx − x_i ≥ 0, exact
        const addr = clampIndex(b, floorShift(b, d, kExp, `ei${g + i}`), size, `ea${g + i}`);
        return { sig: b.rom(expRom, addr, true, `e${g + i}`), frac: fracBits(expT) };
      });
      let s: Fx = { sig: b.constant(0n, 1, true), frac: fracBits(accT) };
      es.forEach((e, i) => (s = castFx(b, addFx(b, s, e, `s${g + i}`), accT, `acc${g + i}`)));
      const addr = clampIndex(b, floorShift(b, s, kInv, `ii${g}`), size, `ia${g}`);
      const inv: Fx = { sig: b.rom(invRom, addr, true, `inv${g}`), frac: fracBits(invT) };
      es.forEach((e, i) => ys.push(castFx(b, mulFx(b, e, inv, `ep${g + i}`), res, `y${g + i}`).sig));
    }
    return ys;
  });
};

function maxTree(b: ModuleBuilder, xs: Fx[]): Fx {
  let level = xs;
  while (level.length > 1) {
    const next: Fx[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? maxFx(b, level[i], level[i + 1], 'mx') : level[i]);
    level = next;
  }
  return level[0];
}

import {
  fixedType,
  fracBits,
  LEGACY_EXP_RANGE,
  LEGACY_INV_RANGE,
  LEGACY_TABLE_TYPE,
  legacyExpTable,
  legacyInvTable,
  log2Exact,
  quantizeDouble,
  topBitsSoftmaxPlan,
  type FixedType,
} from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { combLayer } from './comb-layer.ts';
import { need } from './elementwise.ts';
import { fromRowMax } from './row-max.ts';
import { castSum } from './saturating-sum.ts';
import { blockRomIfFewReads, clampIndex, romOf, romValue } from './tables.ts';
import { productDspCost, variableProduct } from './variable-product.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/** hls4ml's softmax implementations in Verilog (docs/arithmetic.md, "hls4ml-compatible arithmetic"), plan from src/fixed. */
export function hls4mlSoftmax(layer: LayerOf<'softmax'>, ctx: LayerContext): LayerHardware {
  const impl = layer.implementation;
  if (impl === 'stable' || impl === 'latency') return topBitsSoftmax(layer, ctx, impl);
  if (impl === 'legacy') return legacySoftmax(layer, ctx);
  return argmaxSoftmax(layer, ctx);
}

/** The top N bits (W−1 … W−N) of a value's W-bit mantissa: an unsigned address. */
const topBits = (b: ModuleBuilder, x: Fx, t: FixedType, n: number, hint: string): Sig => b.slice(x.sig, t.width - n, n, hint);

function topBitsSoftmax(layer: LayerOf<'softmax'>, ctx: LayerContext, impl: 'stable' | 'latency'): LayerHardware {
  const n = layer.shape[layer.shape.length - 1];
  const input = ctx.inputs[0].type;
  const [expT, invT, accT, res] = [need(layer, 'exp_table'), need(layer, 'inv_table'), need(layer, 'accum'), layer.precision.result];
  const plan = topBitsSoftmaxPlan({ impl, n, tableSize: layer.tableSize, expTableSize: layer.expTableSize, invTableSize: layer.invTableSize, input, expTable: expT, invTable: invT });
  const expRom = romOf('exp_table', plan.expTable, expT, `hls4ml ${impl} exp table, ${plan.expSize} entries, by the top bits of ${impl === 'stable' ? 'max - x' : 'x'}`);
  const invRom = blockRomIfFewReads(romOf('inv_table', plan.invTable, invT, `hls4ml 1/x table, ${plan.invSize} entries, by the top bits of the sum`), ctx.inSize / n);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => {
    const ys: Sig[] = [];
    for (let g = 0; g < xs.length; g += n) {
      const row = xs.slice(g, g + n);
      // stable: the top bits of Q_inp_norm(mx − x_i) (0 for mx = x_i); latency: of x_i
      const addrs =
        impl === 'stable'
          ? fromRowMax(b, row, (d, h) => topBits(b, castFx(b, d, plan.expIndexType, `norm${h}`), plan.expIndexType, plan.expBits, `ea${h}`), b.constant(0n, plan.expBits, false), `${g}_`)
          : row.map((x, i) => topBits(b, x, plan.expIndexType, plan.expBits, `ea${g + i}`));
      const es = addrs.map((a, i) => romValue(b, expRom, a, fracBits(expT), `e${g + i}`));
      // hls4ml sums and multiplies Q_accum(e_i), which stays ≥ 0 for e_i ≥ 0 unless accum wraps
      const leaves = es.map((e, i) => ({ fx: castFx(b, e.fx, accT, `el${g + i}`), nonNegative: e.nonNegative && accT.overflow.startsWith('AP_SAT') }));
      const sum = castSum(b, leaves.map((l) => l.fx), accT, plan.tree, leaves.every((l) => l.nonNegative), `s${g}`);
      const s = castFx(b, sum, plan.invIndexType, `sin${g}`);
      const inv = romValue(b, invRom, topBits(b, s, plan.invIndexType, plan.invBits, `ia${g}`), fracBits(invT), `inv${g}`);
      leaves.forEach((e, i) => ys.push(castFx(b, variableProduct(b, e, inv, productDspCost(invRom, ctx.dspCost), `ep${g + i}`), res, `y${g + i}`).sig));
    }
    return ys;
  });
}

/** C's int of v · 2^k (toward zero) plus offset, clamped to [0, size − 1]: a cast to the 2^−k grid with AP_TRN_ZERO. */
export function truncAddress(b: ModuleBuilder, v: Fx, k: number, offset: number, size: number, hint: string): Sig {
  const w = v.sig.width + k + 2;
  const t = castFx(b, v, fixedType(w, w - k, { quant: 'AP_TRN_ZERO' }), `${hint}_t`);
  const idx = b.add(t.sig, b.constant(BigInt(offset), log2Exact(size, 'table size') + 2, true), `${hint}_o`);
  return clampIndex(b, idx, size, hint);
}

function legacySoftmax(layer: LayerOf<'softmax'>, ctx: LayerContext): LayerHardware {
  const n = layer.shape[layer.shape.length - 1];
  const size = layer.tableSize;
  const table = LEGACY_TABLE_TYPE;
  const res = layer.precision.result;
  const kExp = log2Exact(size / LEGACY_EXP_RANGE, 'table size / legacy exp range');
  const kInv = log2Exact(size / LEGACY_INV_RANGE, 'table size / legacy inverse range');
  const expRom = romOf('exp_table', legacyExpTable(size), table, `hls4ml legacy exp table, ${size} entries over [-8, 8)`);
  const resValues = legacyInvTable(size).map((v) => quantizeDouble(v, res) * 2 ** -fracBits(res));
  const invRom = romOf('inv_table', resValues, res, `Q_result(hls4ml legacy 1/x table[i]), ${size} entries over [0, 64)`);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => {
    const ys: Sig[] = [];
    const unit: Fx = { sig: b.constant(1n << BigInt(fracBits(table)), table.width, true), frac: fracBits(table) };
    for (let g = 0; g < xs.length; g += n) {
      for (let i = 0; i < n; i++) {
        let s: Fx = { sig: b.constant(0n, 1, true), frac: fracBits(table) };
        for (let j = 0; j < n; j++) {
          const h = `${g + i}_${j}`;
          const term: Fx =
            i === j
              ? unit
              : { sig: b.rom(expRom, truncAddress(b, { sig: b.sub(xs[g + j].sig, xs[g + i].sig, `dd${h}`), frac: xs[g].frac }, kExp, size / 2, size, `ea${h}`), true, `e${h}`), frac: fracBits(table) };
          s = castFx(b, addFx(b, s, term, `s${h}`), table, `acc${h}`);
        }
        ys.push(b.rom(invRom, truncAddress(b, s, kInv, 0, size, `ia${g + i}`), true, `y${g + i}`));
      }
    }
    return ys;
  });
}

function argmaxSoftmax(layer: LayerOf<'softmax'>, ctx: LayerContext): LayerHardware {
  const n = layer.shape[layer.shape.length - 1];
  const res = layer.precision.result;
  const oneM = BigInt(quantizeDouble(1, res));
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => {
    const ys: Sig[] = [];
    const w = res.signed ? res.width : res.width + 1;
    for (let g = 0; g < xs.length; g += n) {
      // first maximum: x_i wins when it is greater than every earlier and not less than every later element
      for (let i = 0; i < n; i++) {
        let wins: Sig | undefined;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          const c = j < i ? b.gt(xs[g + i].sig, xs[g + j].sig, `gt${g + i}_${j}`) : b.not(b.lt(xs[g + i].sig, xs[g + j].sig, `lt${g + i}_${j}`), `ge${g + i}_${j}`);
          wins = wins ? b.and(wins, c, `w${g + i}`) : c;
        }
        const hot = wins ?? b.constant(1n, 1, false);
        ys.push(b.mux(hot, b.constant(oneM, w, true), b.constant(0n, w, true), `y${g + i}`));
      }
    }
    return ys;
  });
}

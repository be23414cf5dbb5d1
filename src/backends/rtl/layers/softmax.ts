import { EXP_RANGE, expTable, fracBits, invRange, invTable, log2Exact } from '../../../fixed/index.ts';
import type { Sig } from '../netlist/netlist.ts';
import { castFx } from '../netlist/cast.ts';
import type { Fx } from '../netlist/fx.ts';
import { combLayer } from './comb-layer.ts';
import { need } from './elementwise.ts';
import { fromRowMax } from './row-max.ts';
import { castSum } from './saturating-sum.ts';
import { hls4mlSoftmax } from './softmax-hls4ml.ts';
import { blockRomIfFewReads, clampIndex, floorShift, romOf, romRange, romValue } from './tables.ts';
import type { RtlLayer } from './types.ts';
import { productDspCost, variableProduct } from './variable-product.ts';

/**
 * softmax over the last axis (docs/arithmetic.md): mx = max x, e_i = expTable[clamp(floor((mx − x_i) · N/8))],
 * s = Q_accum(s + e_i) in ascending i, inv = invTable[clamp(floor(s · N/R_inv))], y_i = Q_result(e_i · inv).
 * Built in three stages at 5 ns for short rows (docs/rtl.md "softmax"): every difference to a possible maximum and its
 * exp LUT ROM read; the one-hot choice, the sum (one tree and one saturation, saturating-sum.ts) and the 1/x block-RAM
 * address; the products (LUT arrays after the block RAM).
 */
export const softmax: RtlLayer<'softmax'> = (layer, ctx) => {
  if (layer.implementation && layer.implementation !== 'hlsforge') return hls4mlSoftmax(layer, ctx);
  const n = layer.shape[layer.shape.length - 1];
  const size = layer.tableSize;
  const [expT, invT, accT, res] = [need(layer, 'exp_table'), need(layer, 'inv_table'), need(layer, 'accum'), layer.precision.result];
  const expRom = romOf('exp_table', expTable(size, expT), expT, `exp_table: Q(exp(-i * ${EXP_RANGE} / ${size}))`);
  const invRom = blockRomIfFewReads(romOf('inv_table', invTable(size, n, invT), invT, `inv_table: Q(1 / max((i + 0.5) * ${invRange(n)} / ${size}, 1))`), ctx.inSize / n);
  const kExp = log2Exact(size / EXP_RANGE, 'table size / exp range');
  const kInv = log2Exact(size / invRange(n), 'table size / inverse range');
  const range = romRange(expRom);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => {
    const ys: Sig[] = [];
    for (let g = 0; g < xs.length; g += n) {
      // e_i = expTable[clamp(floor((mx − x_i) · 2^k))], read for every difference mx might be (a 1024-word LUT ROM
      // takes 2.25 ns, so the one-hot choice comes after it); expTable[0] where x_i is the maximum
      const read = (d: Fx, h: string) => romValue(b, expRom, clampIndex(b, floorShift(b, d, kExp, `ei${h}`), size, `ea${h}`), fracBits(expT), `e${h}`);
      const atMax = b.constant(range.values[0], range.width, true);
      const es = fromRowMax(b, xs.slice(g, g + n), (d, h) => read(d, h).fx.sig, atMax, `${g}_`).map((sig) => ({ fx: { sig, frac: fracBits(expT) }, nonNegative: range.nonNegative }));
      const s = castSum(b, es.map((e) => e.fx), accT, 'chain', es.every((e) => e.nonNegative), `s${g}`);
      const inv = romValue(b, invRom, clampIndex(b, floorShift(b, s, kInv, `ii${g}`), size, `ia${g}`), fracBits(invT), `inv${g}`);
      es.forEach((e, i) => ys.push(castFx(b, variableProduct(b, e, inv, productDspCost(invRom, ctx.dspCost), `ep${g + i}`), res, `y${g + i}`).sig));
    }
    return ys;
  });
};

import { activationTable, fracBits, indexShift, quantizeDoubleBig, tableFunction } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import type { Interval } from '../interval.ts';
import { noAuto } from './dense.ts';
import type { Rule } from './rule.ts';
import { castEach, clampIndex, hullOf, scaleFloor, span, tableOf } from './tables.ts';

type TableKind = 'elu' | 'selu' | 'softplus' | 'softsign' | 'silu';

const shiftUp = (m: bigint, by: number): bigint => m << BigInt(by);

/**
 * elu, selu, softplus, softsign, silu: below the exact branch (mantissa < from) element i reads the table entries
 * between the indices of its bounds (the index is monotone in x); in the branch it is x (selu: λq · x, exact on
 * F_x + F_param). The two parts are joined on the finer grid, then cast to the result.
 */
export const tableActivation: Rule<TableKind> = (l, x, c) => {
  const layer = l as LayerOf<TableKind>;
  const n = layer.tableSize;
  const fn = tableFunction(layer);
  // elu/selu read only the negative half of their table (x < 0)
  const table = tableOf(c, 'table', (t) => activationTable(layer, n, t), Math.log2(fn.range) + 2, fn.exact === 'nonnegative' ? n / 2 - 1 : -1);
  const k = indexShift(n, fn.range);
  const ft = fracBits(table.type);
  const from = fn.exact === 'none' ? undefined : fn.exact === 'nonnegative' ? 0n : BigInt(Math.ceil((fn.range / 2) * 2 ** x.frac)); // x ≥ R/2 ⇔ m ≥ ceil(R/2 · 2^F)
  let lambda = 1n;
  let fe = x.frac; // grid of the exact branch
  if (layer.kind === 'selu') {
    const pt = c.type('param', noAuto);
    lambda = quantizeDoubleBig(layer.scale, pt);
    fe = x.frac + fracBits(pt);
  }
  const g = Math.max(ft, fe);
  const pre: Interval[] = x.lo.map((lo, i) => {
    const hi = x.hi[i];
    const parts: Interval[] = [];
    if (from === undefined || lo < from) {
      const top = from === undefined || hi < from ? hi : from - 1n;
      const t = span(table.m, clampIndex(scaleFloor(lo, x.frac, k) + BigInt(n / 2), n), clampIndex(scaleFloor(top, x.frac, k) + BigInt(n / 2), n), ft);
      parts.push({ frac: g, lo: shiftUp(t.lo, g - ft), hi: shiftUp(t.hi, g - ft) });
    }
    if (from !== undefined && hi >= from) {
      const a = (lo > from ? lo : from) * lambda;
      const b = hi * lambda;
      const [p, q] = a <= b ? [a, b] : [b, a];
      parts.push({ frac: g, lo: shiftUp(p, g - fe), hi: shiftUp(q, g - fe) });
    }
    return hullOf(parts);
  });
  return castEach(pre, c.type('result', () => hullOf(pre)));
};

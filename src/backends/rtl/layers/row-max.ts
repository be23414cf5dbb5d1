import type { ModuleBuilder } from '../netlist/builder.ts';
import { maxFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';

/** Rows up to this long get the one-stage form of `fromRowMax` (n(n − 1) subtractors); longer rows a max tree. */
export const PARALLEL_MAX_ROW = 8;

/**
 * For every element of a row, f(max − x_i) (docs/rtl.md "softmax"), where f maps a non-negative exact difference to
 * a signal (a table address or a table read) and `atMax` = f(0). Up to PARALLEL_MAX_ROW elements, f of every
 * difference is built and the right one picked, two LUT levels after f, instead of a max tree (a compare and a mux per
 * level) followed by the subtraction and f: all differences D_mi = x_m − x_i at once; x_m is the (first) maximum when
 * D_mj ≥ 0 for j > m and D_jm < 0 for j < m (one-hot); element i takes f(D_mi) of the hot m, and atMax when m = i.
 * Longer rows: max tree, then f(mx − x_i).
 */
export function fromRowMax(b: ModuleBuilder, row: readonly Fx[], f: (d: Fx, hint: string) => Sig, atMax: Sig, hint: string): Sig[] {
  const n = row.length;
  const frac = row[0].frac;
  if (row.some((x) => x.frac !== frac)) throw new Error('fromRowMax: the elements of a row share one grid');
  if (n === 1 || n > PARALLEL_MAX_ROW) {
    const mx = maxTree(b, row);
    return row.map((x, i) => f({ sig: b.sub(mx.sig, x.sig, `nd${hint}${i}`), frac }, `${hint}${i}`));
  }
  const diff: Sig[][] = row.map((xm, m) => row.map((xi, i) => (m === i ? xm.sig : b.sub(xm.sig, xi.sig, `nd${hint}${m}_${i}`))));
  const negs = new Map<Sig, Sig>();
  const neg = (m: number, i: number): Sig => {
    const d = diff[m][i];
    if (!negs.has(d)) negs.set(d, b.slice(d, d.width - 1, 1, `neg${hint}${m}_${i}`));
    return negs.get(d)!;
  };
  const hot = row.map((_, m) => {
    const terms = row.flatMap((_, j) => (j === m ? [] : [j > m ? b.not(neg(m, j), `ge${hint}${m}_${j}`) : neg(j, m)]));
    return terms.reduce((acc, t, k) => b.and(acc, t, `max${hint}${m}_${k}`));
  });
  const mapped = row.map((_, m) => row.map((_, i) => (m === i ? undefined : f({ sig: diff[m][i], frac }, `${hint}${m}_${i}`))));
  return row.map((_, i) => {
    const others = row.flatMap((_, m) => (m === i ? [] : [{ hot: hot[m], value: mapped[m][i]! }]));
    return oneHot(b, others, atMax, `sel${hint}${i}`);
  });
}

/** The value of the hot item, else `none` (at most one item is hot): a balanced tree of multiplexers. */
function oneHot(b: ModuleBuilder, items: readonly { hot: Sig; value: Sig }[], none: Sig, hint: string): Sig {
  if (items.length === 0) return none;
  if (items.length === 1) return b.mux(items[0].hot, items[0].value, none, hint);
  const h = Math.ceil(items.length / 2);
  const [left, right] = [items.slice(0, h), items.slice(h)];
  const anyLeft = left.map((t) => t.hot).reduce((a, t, k) => b.or(a, t, `${hint}_any${k}`));
  return b.mux(anyLeft, oneHot(b, left.slice(0, -1), left[left.length - 1].value, `${hint}l`), oneHot(b, right, none, `${hint}r`), hint);
}

function maxTree(b: ModuleBuilder, xs: readonly Fx[]): Fx {
  let level = [...xs];
  while (level.length > 1) {
    const next: Fx[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? maxFx(b, level[i], level[i + 1], 'mx') : level[i]);
    level = next;
  }
  return level[0];
}

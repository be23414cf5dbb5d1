import { concatIndex, concatInputShapes, transposeIndex, transposeInputShape } from '../../../ir/tensor.ts';
import type { MergeOp } from '../../../ir/layers.ts';
import { castRanges, hull, up, type Ranges } from '../interval.ts';
import type { Rule } from './rule.ts';

/** Data moves, values and grid unchanged: a reshape keeps the ranges, a transpose permutes them. */
export const reshape: Rule<'reshape'> = (_layer, x) => x;
export const transpose: Rule<'transpose'> = (layer, x) => {
  const index = transposeIndex(transposeInputShape(layer.shape, layer.perm), layer.perm);
  return { frac: x.frac, lo: Array.from(index, (i) => x.lo[i]), hi: Array.from(index, (i) => x.hi[i]) };
};

/**
 * Bit growth of an exact merge (docs/arithmetic.md "Merges"): on the common grid, [a+b] = [a_lo+b_lo, a_hi+b_hi],
 * [a−b] = [a_lo−b_hi, a_hi−b_lo], a product's extremes are among its four corner products, max/min are monotonic;
 * average = sum · 2^−k. An auto result is the narrowest type holding the exact result.
 */
export const merge: Rule<'merge'> = (layer, _x, c, all) => {
  const pre = mergeRanges(layer.op, all);
  return castRanges(pre, c.type('result', () => hull(pre)));
};

function mergeRanges(op: MergeOp, all: readonly Ranges[]): Ranges {
  if (op === 'multiply') return all.slice(1).reduce(product, all[0]);
  const g = Math.max(...all.map((r) => r.frac));
  const onG = all.map((r) => ({ frac: g, lo: r.lo.map((m) => up(m, r.frac, g)), hi: r.hi.map((m) => up(m, r.frac, g)) }));
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < onG[0].lo.length; i++) {
    let [l, h] = [onG[0].lo[i], onG[0].hi[i]];
    for (const r of onG.slice(1)) {
      const [a, b] = [r.lo[i], r.hi[i]];
      if (op === 'subtract') [l, h] = [l - b, h - a];
      else if (op === 'maximum') [l, h] = [a > l ? a : l, b > h ? b : h];
      else if (op === 'minimum') [l, h] = [a < l ? a : l, b < h ? b : h];
      else [l, h] = [l + a, h + b];
    }
    lo.push(l), hi.push(h);
  }
  return { frac: op === 'average' ? g + Math.log2(all.length) : g, lo, hi };
}

function product(a: Ranges, b: Ranges): Ranges {
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < a.lo.length; i++) {
    const p = [a.lo[i] * b.lo[i], a.lo[i] * b.hi[i], a.hi[i] * b.lo[i], a.hi[i] * b.hi[i]];
    lo.push(p.reduce((u, v) => (v < u ? v : u))), hi.push(p.reduce((u, v) => (v > u ? v : u)));
  }
  return { frac: a.frac + b.frac, lo, hi };
}

/** Each element is its input's value cast to the result type; an auto result holds all inputs on the finest grid. */
export const concatenate: Rule<'concatenate'> = (layer, _x, c, all) => {
  const g = Math.max(...all.map((r) => r.frac));
  const shapes = concatInputShapes(layer.shape, layer.axis, all.map((r) => r.lo.length));
  const { which, at } = concatIndex(shapes, layer.axis);
  const pre: Ranges = {
    frac: g,
    lo: Array.from(which, (k, j) => up(all[k].lo[at[j]], all[k].frac, g)),
    hi: Array.from(which, (k, j) => up(all[k].hi[at[j]], all[k].frac, g)),
  };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

/** Σ a_i·b_i exactly: the sum of the elements' product intervals. */
export const dot: Rule<'dot'> = (_layer, _x, c, [a, b]) => {
  const p = product(a, b);
  const pre: Ranges = { frac: p.frac, lo: [p.lo.reduce((s, v) => s + v, 0n)], hi: [p.hi.reduce((s, v) => s + v, 0n)] };
  return castRanges(pre, c.type('result', () => hull(pre)));
};

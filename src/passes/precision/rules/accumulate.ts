import { fracBits, type FixedType } from '../../../fixed/index.ts';
import type { Chooser } from '../choose.ts';
import { castInterval, neededFrac, up, type Interval, type Ranges } from '../interval.ts';

/**
 * The dense contract as a range rule, for any layer that is a sum of weighted inputs per output element (dense, conv,
 * depthwise_conv): acc = Q_accum(bq_o); acc = Q_accum(acc + x_i · wq) over the output's terms in order; y = Q_result(acc).
 * Bit growth with constant weights: the term x_i · w lies in [lo_i·w, hi_i·w] (w > 0) or [hi_i·w, lo_i·w] (w < 0), so
 * every prefix sum lies in [b + Σ min terms, b + Σ max terms] — positive and negative parts bounded separately.
 * The exact grid is F_x + (bits the actual weight needs) and the bias's: products and sums are then exact.
 * An auto accum holds every prefix sum (the bias alone included); an auto result holds every final sum.
 */
export interface WeightedSums {
  /** quantized weight and bias mantissas (on the weight and bias types' grids) */
  readonly weights: readonly bigint[];
  readonly biases: readonly bigint[];
  readonly outputs: number;
  /** bias index of output o */
  bias(o: number): number;
  /** calls visit(input element, weight index) for each nonzero term of output o, in accumulation order */
  terms(o: number, visit: (i: number, w: number) => void): void;
}

export function accumulate(s: WeightedSums, x: Ranges, c: Chooser, wt: FixedType, bt: FixedType): Ranges {
  const { weights: w, biases: b } = s;
  const [fw, fb, fp] = [fracBits(wt), fracBits(bt), x.frac + fracBits(wt)];
  const term = (i: number, k: number): [bigint, bigint] => {
    const m = w[k];
    return m > 0n ? [x.lo[i] * m, x.hi[i] * m] : [x.hi[i] * m, x.lo[i] * m];
  };

  const accum = c.type('accum', () => {
    // exact prefix sums on E = max(F_product, F_bias), reported on the grid the values really need
    const e = Math.max(fp, fb);
    let need = -Infinity;
    for (const m of w) need = Math.max(need, x.frac + neededFrac(m, fw));
    for (const m of b) need = Math.max(need, neededFrac(m, fb));
    const g = need === -Infinity ? 0 : need;
    let [lo, hi] = [0n, 0n];
    let first = true;
    for (let o = 0; o < s.outputs; o++) {
      const bias = b[s.bias(o)];
      let [a, z] = [up(bias, fb, e), up(bias, fb, e)];
      const widen = () => ([lo, hi] = first ? ((first = false), [a, z]) : [a < lo ? a : lo, z > hi ? z : hi]);
      widen();
      s.terms(o, (i, k) => {
        const [p, q] = term(i, k);
        a += up(p, fp, e);
        z += up(q, fp, e);
        widen();
      });
    }
    return onGrid({ frac: e, lo, hi }, g);
  });

  // the walk with the chosen accum type, casting at every step: sound even when accum rounds or may overflow
  const fa = fracBits(accum);
  const finals: Interval[] = [];
  for (let o = 0; o < s.outputs; o++) {
    const bias = b[s.bias(o)];
    let acc = castInterval(bias, bias, fb, accum);
    s.terms(o, (i, k) => {
      const [p, q] = term(i, k);
      const g = Math.max(fa, fp);
      acc = castInterval(up(acc.lo, fa, g) + up(p, fp, g), up(acc.hi, fa, g) + up(q, fp, g), g, accum);
    });
    finals.push(acc);
  }
  const result: FixedType = c.type('result', () => hullOf(finals, fa));
  const out = finals.map((f) => castInterval(f.lo, f.hi, fa, result));
  return { frac: fracBits(result), lo: out.map((o) => o.lo), hi: out.map((o) => o.hi) };
}

export function hullOf(ivs: readonly Interval[], frac: number): Interval {
  let [lo, hi] = [ivs[0].lo, ivs[0].hi];
  for (const v of ivs) [lo, hi] = [v.lo < lo ? v.lo : lo, v.hi > hi ? v.hi : hi];
  return { frac, lo, hi };
}

/** An interval whose bounds lie on the grid 2^−g (g ≤ frac), re-expressed on it (exact). */
export function onGrid(iv: Interval, g: number): Interval {
  if (g >= iv.frac) return { frac: g, lo: up(iv.lo, iv.frac, g), hi: up(iv.hi, iv.frac, g) };
  const k = BigInt(iv.frac - g);
  return { frac: g, lo: iv.lo >> k, hi: iv.hi >> k };
}

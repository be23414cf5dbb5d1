import { fracBits, quantizeDoubleBig, type FixedType } from '../../../fixed/index.ts';
import type { RecurrentLayer } from '../../../ir/layers.ts';
import { gateCount } from '../../../ir/recurrent.ts';
import { castInterval, effectiveRange, up, type Interval, type Ranges } from '../interval.ts';
import { hullOf, noAuto } from './dense.ts';
import type { Rule } from './rule.ts';

/** Per output column of a dense part: the hull of every prefix sum, and the interval of the final sum (grid `frac`). */
interface Chain {
  readonly frac: number;
  readonly prefix: Interval;
  readonly final: Interval[];
}

/**
 * Bounds of Dense(x; W, b) accumulated exactly (acc = bq_j, then + x_i·wq_ij for i ascending; zero weights skipped),
 * positive and negative terms bounded separately as in the dense rule.
 */
function chain(lo: readonly bigint[], hi: readonly bigint[], fx: number, w: readonly bigint[], fw: number, b: readonly bigint[], fb: number): Chain {
  const nOut = b.length;
  const nIn = lo.length;
  const e = Math.max(fx + fw, fb);
  const final: Interval[] = [];
  let [plo, phi] = [0n, 0n];
  for (let j = 0; j < nOut; j++) {
    let a = up(b[j], fb, e);
    let z = a;
    [plo, phi] = [a < plo ? a : plo, z > phi ? z : phi];
    for (let i = 0; i < nIn; i++) {
      const m = w[i * nOut + j];
      if (m === 0n) continue;
      const [p, q] = m > 0n ? [lo[i] * m, hi[i] * m] : [hi[i] * m, lo[i] * m];
      a += up(p, fx + fw, e);
      z += up(q, fx + fw, e);
      [plo, phi] = [a < plo ? a : plo, z > phi ? z : phi];
    }
    final.push({ frac: e, lo: a, hi: z });
  }
  return { frac: e, prefix: { frac: e, lo: plo, hi: phi }, final };
}

const at = (iv: Interval, g: number): [bigint, bigint] => [up(iv.lo, iv.frac, g), up(iv.hi, iv.frac, g)];

/**
 * LSTM, GRU, SimpleRNN (docs/arithmetic.md, "Recurrent layers"). The state is only bounded by its type, so the
 * recurrent part takes h_{t−1} over the whole state range. An auto accum holds every prefix of the input and the
 * recurrent chains, and every pre-activation (ax + ah; GRU reset_after: ax_h + r·ah_h with r over the whole
 * recurrent_table range); an auto result holds the state exactly. The other variables keep their configured types.
 */
export const recurrent: Rule<'lstm' | 'gru' | 'simple_rnn'> = (layer, x, c) => {
  const l = layer as RecurrentLayer;
  const [wt, rwt, bt, state] = [c.type('weight', noAuto), c.type('recurrent_weight', noAuto), c.type('bias', noAuto), c.type('state', noAuto)];
  const q = (a: Float64Array, t: FixedType) => Array.from(a, (v) => quantizeDoubleBig(v, t));
  const [fw, frw, fb, fs] = [fracBits(wt), fracBits(rwt), fracBits(bt), fracBits(state)];
  const g = gateCount(l) * l.units;
  c.type('accum', () => {
    // every time step meets the same weights: feature i over the hull of its T values
    const xLo = Array.from({ length: l.nIn }, (_, i) => x.lo.filter((_, k) => k % l.nIn === i).reduce((m, v) => (v < m ? v : m)));
    const xHi = Array.from({ length: l.nIn }, (_, i) => x.hi.filter((_, k) => k % l.nIn === i).reduce((m, v) => (v > m ? v : m)));
    const inChain = chain(xLo, xHi, x.frac, q(l.kernel, wt), fw, q(l.bias, bt), fb);
    const { min, max } = effectiveRange(state);
    const hLo = Array<bigint>(l.units).fill(min);
    const hHi = Array<bigint>(l.units).fill(max);
    const recChain = chain(hLo, hHi, fs, q(l.recurrentKernel, rwt), frw, q(l.recurrentBias, bt), fb);
    const ivs: Interval[] = [inChain.prefix, recChain.prefix];
    const rt = l.kind === 'gru' && l.resetAfter ? c.placeholder('recurrent_table') : undefined;
    const e = Math.max(inChain.frac, recChain.frac) + (rt ? Math.max(0, fracBits(rt)) : 0);
    for (let j = 0; j < g; j++) {
      const [alo, ahi] = at(inChain.final[j], e);
      const isCandidate = rt && j >= 2 * l.units;
      if (!isCandidate) {
        const [blo, bhi] = at(recChain.final[j], e);
        ivs.push({ frac: e, lo: alo + blo, hi: ahi + bhi });
        continue;
      }
      const r = effectiveRange(rt);
      const ah = recChain.final[j];
      const corners = [r.min * ah.lo, r.min * ah.hi, r.max * ah.lo, r.max * ah.hi].map((p) => up(p, ah.frac + fracBits(rt), e));
      ivs.push({ frac: e, lo: alo + corners.reduce((m, v) => (v < m ? v : m)), hi: ahi + corners.reduce((m, v) => (v > m ? v : m)) });
    }
    return hullOf(ivs.map((iv) => ({ frac: e, lo: up(iv.lo, iv.frac, e), hi: up(iv.hi, iv.frac, e) })), e);
  });
  const { min, max } = effectiveRange(state);
  const result = c.type('result', () => ({ frac: fs, lo: min, hi: max }));
  const out = castInterval(min, max, fs, result);
  const n = l.shape.reduce((a, b) => a * b, 1);
  return { frac: out.frac, lo: Array(n).fill(out.lo), hi: Array(n).fill(out.hi) } satisfies Ranges;
};

import { adderCost, multiplyCost } from './cost.ts';
import { csd } from './csd.ts';

/** sign · (source src) · 2^shift: one addend of a shift-add product. */
export interface Term {
  readonly src: number;
  readonly shift: number;
  readonly sign: 1 | -1;
}

/**
 * Source k > 0 of a column is x · value, built by one adder: `flip ? (b << shift) − a : a + sign · (b << shift)`
 * (a, b earlier sources; source 0 is x itself). Every source's value is positive.
 */
export interface Source {
  readonly value: bigint;
  readonly a: number;
  readonly b: number;
  readonly shift: number;
  readonly sign: 1 | -1;
  readonly flip: boolean;
}

/** How one column's distinct odd constants are multiplied: a multiply cell ('mul'), or a sum of terms. */
export type ProductPlan = { readonly kind: 'mul' } | { readonly kind: 'shift-add'; readonly terms: readonly Term[] };

export interface ColumnPlan {
  /** sources[0] is x (value 1) */
  readonly sources: readonly Source[];
  readonly products: ReadonlyMap<bigint, ProductPlan>;
}

const X: Source = { value: 1n, a: -1, b: -1, shift: 0, sign: 1, flip: false };

/**
 * The multiple-constant multiplication of one input x by a column's constants (odd, |c| > 1, distinct): each
 * constant starts as its canonical-signed-digit terms of x; a greedy common-subexpression elimination (in the spirit
 * of Hartley's and of the published CMM algorithms such as da4ml's) repeatedly turns the digit pair pattern
 * (a · 2^s, ±b · 2^(s+d)) that most constants contain into a new source a ± b·2^d, shared by all of them, until no
 * pattern occurs twice. Each constant then goes to a multiply cell when that is cheaper under the cost model than its
 * own adders plus its share of the sources it uses; the elimination reruns on the rest (two rounds).
 */
export function planColumn(consts: readonly bigint[], xWidth: number, dspCost: number): ColumnPlan {
  let lut = [...consts];
  let plan = eliminate(lut);
  for (let round = 0; round < 2; round++) {
    const share = shares(plan, lut, xWidth);
    const keep = lut.filter((c) => share.get(c)! <= multiplyCost(xWidth, c, dspCost));
    if (keep.length === lut.length) break;
    lut = keep;
    plan = eliminate(lut);
  }
  const products = new Map<bigint, ProductPlan>();
  for (const c of consts) products.set(c, lut.includes(c) ? { kind: 'shift-add', terms: plan.terms.get(c)! } : { kind: 'mul' });
  return { sources: plan.sources, products };
}

interface Elimination {
  readonly sources: Source[];
  readonly terms: Map<bigint, Term[]>;
}

function eliminate(consts: readonly bigint[]): Elimination {
  const sources: Source[] = [X];
  const terms = new Map<bigint, Term[]>(consts.map((c) => [c, csd(c).map((d) => ({ src: 0, shift: d.shift, sign: d.sign }))]));
  const banned = new Set<string>();
  for (;;) {
    const counts = new Map<string, number>();
    for (const ts of terms.values()) {
      const seen = new Set<string>();
      forPairs(ts, (key) => {
        if (seen.has(key) || banned.has(key)) return;
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
    }
    let [best, most] = ['', 1];
    for (const [key, n] of counts) if (n > most) [best, most] = [key, n];
    if (!best) return { sources, terms };
    const [a, b, d, s] = best.split(':').map(Number);
    const sign = s as 1 | -1;
    const raw = sources[a].value + BigInt(sign) * (sources[b].value << BigInt(d));
    if (raw === 0n) {
      banned.add(best);
      continue;
    }
    const flip = raw < 0n;
    sources.push({ value: flip ? -raw : raw, a, b, shift: d, sign, flip });
    const src = sources.length - 1;
    for (const [c, ts] of terms) terms.set(c, replace(ts, best, src, flip));
  }
}

/** The pattern of two terms: lower one first (by shift, then source), their shift distance and sign relation. */
function pairKey(p: Term, q: Term): { key: string; lo: Term } {
  const [lo, hi] = p.shift < q.shift || (p.shift === q.shift && p.src <= q.src) ? [p, q] : [q, p];
  return { key: `${lo.src}:${hi.src}:${hi.shift - lo.shift}:${lo.sign * hi.sign}`, lo };
}

function forPairs(ts: readonly Term[], f: (key: string, i: number, j: number, lo: Term) => void): void {
  for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) {
    const { key, lo } = pairKey(ts[i], ts[j]);
    f(key, i, j, lo);
  }
}

/** Replace non-overlapping pairs matching `key` by one term of source src (value of lo ± hi, negated when flip). */
function replace(ts: readonly Term[], key: string, src: number, flip: boolean): Term[] {
  let out = [...ts];
  for (let found = true; found; ) {
    found = false;
    forPairs(out, (k, i, j, lo) => {
      if (found || k !== key) return;
      found = true;
      const t: Term = { src, shift: lo.shift, sign: (flip ? -lo.sign : lo.sign) as 1 | -1 };
      out = [...out.filter((_, n) => n !== i && n !== j), t];
    });
  }
  return out;
}

/**
 * Per constant: its own adders (terms − 1, plus a negation when every term is negative) and its share of the sources
 * it uses (each source's adder and its own share, split evenly over everything that reads the source).
 */
function shares(plan: Elimination, consts: readonly bigint[], xWidth: number): Map<bigint, number> {
  const users = new Array<number>(plan.sources.length).fill(0);
  for (const c of consts) for (const t of plan.terms.get(c)!) users[t.src]++;
  plan.sources.forEach((s, k) => k > 0 && (users[s.a]++, users[s.b]++));
  const share: number[] = [];
  plan.sources.forEach((s, k) => {
    share.push(k === 0 ? 0 : (adderCost(xWidth, s.value) + share[s.a] + share[s.b]) / Math.max(1, users[k]));
  });
  const out = new Map<bigint, number>();
  for (const c of consts) {
    const ts = plan.terms.get(c)!;
    const own = ts.length - 1 + (ts.every((t) => t.sign < 0) ? 1 : 0);
    out.set(c, own * adderCost(xWidth, c) + ts.reduce((n, t) => n + share[t.src], 0));
  }
  return out;
}

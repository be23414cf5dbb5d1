import type { ModuleBuilder } from '../netlist/builder.ts';
import type { Fx } from '../netlist/fx.ts';
import { signedWidth, type Cell, type Sig } from '../netlist/netlist.ts';
import { DEFAULT_DSP_COST } from './cost.ts';
import { oddPart } from './csd.ts';
import { planColumn, type ColumnPlan, type Source, type Term } from './plan.ts';

/** An exact value with the bounds of its mantissa: its signal is exactly as wide as [lo, hi] needs. */
export interface Ranged {
  readonly fx: Fx;
  readonly lo: bigint;
  readonly hi: bigint;
  /** it comes out of a multiply cell (registered by the scheduler) */
  readonly late?: boolean;
}

/** Width of the narrowest signed signal holding every integer in [lo, hi]. */
export const rangeWidth = (lo: bigint, hi: bigint): number => Math.max(signedWidth(lo), signedWidth(hi));

/** m · [lo, hi] */
const scaled = (m: bigint, r: { lo: bigint; hi: bigint }) => (m >= 0n ? { lo: m * r.lo, hi: m * r.hi } : { lo: m * r.hi, hi: m * r.lo });

/**
 * The exact products x · w for every weight mantissa w ≠ 0 of one input column (docs/rtl.md, "Constant multipliers"):
 * w = odd · 2^t costs only x · odd (the 2^t lowers the fractional bits instead); x · ±1 is x or −x; every other odd
 * factor is a multiply cell or a shift-add over the column's shared sources, as `planColumn` decides. Every
 * intermediate is exactly as wide as its value range (x's range times its integer factor). Products and sources are
 * remembered per input signal, so rows reading the same input (convolution positions) share them.
 */
export function columnProducts(
  b: ModuleBuilder,
  x: Fx,
  weights: readonly number[],
  weightFrac: number,
  hint: string,
  dspCost = DEFAULT_DSP_COST,
): Map<number, Ranged> {
  const xr = inputRange(b, x.sig);
  const xWidth = rangeWidth(xr.lo, xr.hi);
  const parts = new Map(weights.filter((w) => w !== 0).map((w) => [w, oddPart(BigInt(w))]));
  const odds = [...new Set([...parts.values()].map((p) => p.odd))].filter((o) => o !== 1n && o !== -1n).sort((p, q) => (p < q ? -1 : 1));
  const plan = cachedPlan(odds, xWidth, dspCost);
  const built = memoOf(b, x.sig);
  // `<x>_c89` is x · 89, `<x>_m89` is x · −89; `<x>_c1` is x itself
  const name = (m: bigint) => `${hint}_${m < 0n ? `m${-m}` : `c${m}`}`;

  /** x · m as an exactly wide signal, built once. */
  const exact = (m: bigint, make: (width: number) => Sig): Sig => {
    let s = built.get(m);
    if (!s) {
      const r = scaled(m, xr);
      s = make(rangeWidth(r.lo, r.hi));
      built.set(m, s);
    }
    return s;
  };
  const source = (k: number): Sig => {
    const s: Source = plan.sources[k];
    if (k === 0) return x.sig;
    return exact(s.value, (w) => {
      const a = source(s.a);
      const bs = b.shiftLeft(source(s.b), s.shift);
      if (s.flip) return b.binary('sub', bs, a, w, true, name(s.value));
      return b.binary(s.sign > 0 ? 'add' : 'sub', a, bs, w, true, name(s.value));
    });
  };
  const product = (c: bigint): Sig => {
    if (c === 1n) return x.sig;
    if (c === -1n) return exact(c, (w) => b.binary('sub', b.constant(0n, 1), product(-c), w, true, name(c)));
    const p = plan.products.get(c)!;
    if (p.kind === 'mul') return exact(c, (w) => b.resize(b.mul(x.sig, b.constant(c, signedWidth(c)), `${name(c)}_mul`), w, true, name(c)));
    return exact(c, () => sumTerms(p.terms));
  };

  const out = new Map<number, Ranged>();
  for (const [w, { odd, shift }] of parts) {
    const r = scaled(odd, xr);
    const frac = x.frac + weightFrac - shift;
    const sig = product(odd);
    // a multiply cell's product is registered (a stage of its own): its sum takes it last
    const late = plan.products.get(odd)?.kind === 'mul' ? true : undefined;
    out.set(w, frac >= 0 ? { fx: { sig, frac }, ...r, late } : { fx: { sig: b.shiftLeft(sig, -frac), frac: 0 }, lo: r.lo << BigInt(-frac), hi: r.hi << BigInt(-frac), late });
  }
  return out;

  /** Σ sign · source · 2^shift by a balanced tree of exactly wide adders (a negation only if every term is negative). */
  function sumTerms(terms: readonly Term[]): Sig {
    // leaves: sig = x · m, contributing sign · x · m; narrow ones first so the tree pairs similar widths
    let level = terms
      .map((t) => ({ sig: b.shiftLeft(source(t.src), t.shift), m: plan.sources[t.src].value << BigInt(t.shift), sign: t.sign }))
      .sort((p, q) => p.sig.width - q.sig.width);
    while (level.length > 1) {
      const next: typeof level = [];
      for (let i = 0; i < level.length; i += 2) {
        if (i + 1 === level.length) {
          next.push(level[i]);
          continue;
        }
        const [l, r] = [level[i], level[i + 1]];
        const [a, c, op, m, sign] =
          l.sign === r.sign ? [l, r, 'add' as const, l.m + r.m, l.sign] : l.sign > 0 ? [l, r, 'sub' as const, l.m - r.m, 1 as const] : [r, l, 'sub' as const, r.m - l.m, 1 as const];
        const range = scaled(m, xr);
        // the signal holds x · m (its sign is applied further up): named by that value
        next.push({ sig: b.binary(op, a.sig, c.sig, rangeWidth(range.lo, range.hi), true, name(m)), m, sign });
      }
      level = next;
    }
    const root = level[0];
    if (root.sign > 0) return root.sig;
    const range = scaled(-root.m, xr);
    return b.binary('sub', b.constant(0n, 1), root.sig, rangeWidth(range.lo, range.hi), true, name(-root.m));
  }
}

const plans = new Map<string, ColumnPlan>();

/** Plans depend only on the constants, the input width and the cost model: convolution rows share them. */
function cachedPlan(odds: readonly bigint[], xWidth: number, dspCost: number): ColumnPlan {
  const key = `${xWidth}|${dspCost}|${odds.join(',')}`;
  let p = plans.get(key);
  if (!p) {
    if (plans.size > 4096) plans.clear();
    p = planColumn(odds, xWidth, dspCost);
    plans.set(key, p);
  }
  return p;
}

const memos = new WeakMap<ModuleBuilder, Map<Sig, Map<bigint, Sig>>>();

function memoOf(b: ModuleBuilder, x: Sig): Map<bigint, Sig> {
  let perBuilder = memos.get(b);
  if (!perBuilder) memos.set(b, (perBuilder = new Map()));
  let m = perBuilder.get(x);
  if (!m) perBuilder.set(x, (m = new Map()));
  return m;
}

const drivers = new WeakMap<ModuleBuilder, { seen: number; by: Map<Sig, Cell> }>();

/**
 * The mantissa range of an input element: an unsigned type's element is a zero-extension (one zero sign bit), so it
 * is never negative; anything else may take every value of its width.
 */
export function inputRange(b: ModuleBuilder, s: Sig): { lo: bigint; hi: bigint } {
  let d = drivers.get(b);
  if (!d) drivers.set(b, (d = { seen: 0, by: new Map() }));
  for (; d.seen < b.cells.length; d.seen++) {
    const c = b.cells[d.seen];
    if (c.op !== 'inst') d.by.set(c.out, c);
  }
  const c = d.by.get(s);
  if (c?.op === 'resize' && !c.a.signed && c.a.width < s.width) return { lo: 0n, hi: (1n << BigInt(c.a.width)) - 1n };
  const h = 1n << BigInt(s.width - 1);
  return { lo: -h, hi: h - 1n };
}

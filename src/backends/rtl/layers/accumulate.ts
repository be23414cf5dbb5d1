import type { FixedType } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, type Fx } from '../netlist/fx.ts';
import { rangeWidth } from '../cmm/products.ts';
import { fxWidth } from './ports.ts';

/** How `chain` names and treats its terms. */
export interface ChainOptions {
  /** the input index of each term (signal names `<hint>_s<i>`…), default its position */
  readonly labels?: readonly number[];
  /** cast each term to accum before adding it (Arithmetic: hls4ml) */
  readonly castTerms?: boolean;
}

/**
 * The exact accumulation of docs/arithmetic.md: acc = Q_accum(acc + p) for each term in the given (ascending) order;
 * `castTerms` (Arithmetic: hls4ml, accumulation() in src/fixed): acc = Q_accum(acc + Q_accum(p)).
 * Signals: `<hint>_q<i>` the cast term, `<hint>_s<i>` the exact sum with term i, `<hint>_a<i>` the accumulator after it
 * (i = `labels[k]`, the term's input index, or k), the last one `<hint>_acc`.
 */
export function chain(b: ModuleBuilder, init: Fx, terms: readonly Fx[], accum: FixedType, hint: string, opts: ChainOptions = {}): Fx {
  const { labels, castTerms = false } = opts;
  let acc = init;
  terms.forEach((p, k) => {
    const i = labels?.[k] ?? k;
    const term = castTerms ? castFx(b, p, accum, `${hint}_q${i}`) : p;
    acc = castFx(b, addFx(b, acc, term, `${hint}_s${i}`), accum, k === terms.length - 1 ? `${hint}_acc` : `${hint}_a${i}`);
  });
  return acc;
}

/** The accumulation a dense product's hardware builds (module comments); `trees` and `chains` name its two forms. */
export function accumulationNote(k: { orderFree: boolean; castProducts: boolean }, trees: string, chains: string): string {
  return `${k.orderFree ? trees : chains}${k.castProducts ? ', each product cast to accum first (Arithmetic: hls4ml)' : ''}`;
}

/**
 * Order-free accumulation (accum AP_TRN/AP_RND/AP_RND_MIN_INF with AP_WRAP, or any AP_WRAP accum under Arithmetic:
 * hls4ml): init + Σ Q_accum(p) mod 2^W, summed by a
 * balanced tree of W-bit wrapping adders (a wrap cast of an on-grid sum is keeping its low W bits). With `ranges`
 * (the mantissa bounds of each term), every cast term and every partial sum whose exact range fits the accumulator is
 * built exactly as wide as that range needs (no bit that cannot toggle); only sums that could leave the accumulator's
 * range are W-bit wrapping adders. Both are the same value mod 2^W.
 */
export function tree(
  b: ModuleBuilder,
  init: Fx,
  terms: readonly Fx[],
  accum: FixedType,
  hint: string,
  ranges?: readonly Bounds[],
  labels?: readonly number[],
): Fx {
  const full = accumBounds(accum);
  const initValue = b.constValue(init.sig);
  const leaf = (p: Fx, k: number): Item => {
    // `<hint>_p<i>`: Q_accum of the product from input i (then cut to the bits its range needs)
    const name = `${hint}_p${labels?.[k] ?? k}`;
    const q = castFx(b, p, accum, name);
    const r = ranges && castBounds(ranges[k], p.frac - q.frac);
    if (!r || r.lo < full.lo || r.hi > full.hi) return { fx: q, ...full };
    return { fx: { sig: b.resize(q.sig, rangeWidth(r.lo, r.hi), true), frac: q.frac }, ...r };
  };
  const first: Item = initValue === undefined || !ranges ? { fx: init, ...full } : { fx: init, lo: initValue, hi: initValue };
  // narrow terms first, so the tree pairs terms of similar width
  let level: Item[] = [first, ...terms.map(leaf).sort((p, q) => p.fx.sig.width - q.fx.sig.width)];
  for (let depth = 0; level.length > 1; depth++) {
    const next: Item[] = [];
    for (let i = 0; i < level.length; i += 2) {
      if (i + 1 === level.length) {
        next.push(level[i]);
        continue;
      }
      const [x, y] = [level[i], level[i + 1]];
      const [lo, hi] = [x.lo + y.lo, x.hi + y.hi];
      // `<hint>_l<depth>_<k>`: partial sum k of tree level depth; the last sum is the accumulator `<hint>_acc`
      const name = level.length === 2 ? `${hint}_acc` : `${hint}_l${depth}_${i / 2}`;
      if (lo >= full.lo && hi <= full.hi && ranges) {
        next.push({ fx: { sig: b.binary('add', x.fx.sig, y.fx.sig, rangeWidth(lo, hi), true, name), frac: x.fx.frac }, lo, hi });
      } else next.push({ fx: wrapAdd(b, x.fx, y.fx, accum, name), ...full });
    }
    level = next;
  }
  const root = level[0].fx;
  return { sig: b.resize(root.sig, fxWidth(accum), true), frac: root.frac };
}

/** Integer bounds of a mantissa. */
export interface Bounds {
  readonly lo: bigint;
  readonly hi: bigint;
}

interface Item extends Bounds {
  readonly fx: Fx;
}

/** The mantissas an accumulator holds: [−2^(W−1), 2^(W−1) − 1], or [0, 2^W − 1] unsigned. */
function accumBounds(t: FixedType): Bounds {
  const w = BigInt(t.width);
  return t.signed ? { lo: -(1n << (w - 1n)), hi: (1n << (w - 1n)) - 1n } : { lo: 0n, hi: (1n << w) - 1n };
}

/** Bounds of a value moved `shift` bits coarser (rounded either way) or −shift bits finer. */
function castBounds(r: Bounds, shift: number): Bounds {
  if (shift <= 0) return { lo: r.lo << BigInt(-shift), hi: r.hi << BigInt(-shift) };
  const s = BigInt(shift);
  return { lo: r.lo >> s, hi: -(-r.hi >> s) };
}

/** (a + b) mod 2^W for two values on the accum grid: a W-bit adder (an unsigned accum keeps its zero sign bit). */
function wrapAdd(b: ModuleBuilder, x: Fx, y: Fx, accum: FixedType, hint: string): Fx {
  if (accum.signed) return { sig: b.binary('add', x.sig, y.sig, accum.width, true, hint), frac: x.frac };
  return { sig: b.resize(b.binary('add', x.sig, y.sig, accum.width, false, hint), accum.width + 1, true, hint), frac: x.frac };
}

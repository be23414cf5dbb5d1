import type { FixedType } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, type Fx } from '../netlist/fx.ts';
import { rangeWidth } from '../cmm/products.ts';
import { carryChainNs, DELAY_NS, LUT_LEVEL_NS } from '../timing.ts';
import { arrivalNs } from './arrival.ts';
import { columnTimes, compressorShape, compressSum } from './compress.ts';
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

/** What `tree` knows of its terms. */
export interface TreeOptions {
  /** the mantissa bounds of each term (exactly wide sums; `late`: the term comes out of a registered multiply) */
  readonly ranges?: readonly Bounds[];
  /** the input index of each term (signal names `<hint>_p<i>`), default its position */
  readonly labels?: readonly number[];
  /** force one form of every sum (calibration designs, tests); default: `chooseCompressor` decides */
  readonly form?: 'adders' | 'compressor';
}

/**
 * Order-free accumulation (accum AP_TRN/AP_RND/AP_RND_MIN_INF with AP_WRAP, or any AP_WRAP accum under Arithmetic:
 * hls4ml): init + Σ Q_accum(p) mod 2^W (a wrap cast of an on-grid sum is keeping its low W bits). With `ranges`
 * (the mantissa bounds of each term), every cast term and every partial sum whose exact range fits the accumulator is
 * built exactly as wide as that range needs (no bit that cannot toggle); sums that could leave the accumulator's
 * range are W bits wide and wrap. Both are the same value mod 2^W.
 *
 * Terms from multiply cells (`late`, a registered stage of their own) are summed last: the other terms and the init
 * are reduced while the multiplies compute, then that partial sum and the products. Each of the (one or two) sums is
 * tree of carry adders built in order of arrival (`reduce`) or a carry-save compressor (compress.ts), whichever the
 * timing model finds shallower (`chooseCompressor`, docs/rtl.md "Adder trees").
 */
export function tree(b: ModuleBuilder, init: Fx, terms: readonly Fx[], accum: FixedType, hint: string, opts: TreeOptions = {}): Fx {
  const { ranges, labels, form } = opts;
  const full = accumBounds(accum);
  const leaf = (p: Fx, k: number): Item => {
    // `<hint>_p<i>`: Q_accum of the product from input i (then cut to the bits its range needs)
    const name = `${hint}_p${labels?.[k] ?? k}`;
    const q = castFx(b, p, accum, name);
    const late = ranges?.[k].late;
    const r = ranges && castBounds(ranges[k], p.frac - q.frac);
    if (!r || r.lo < full.lo || r.hi > full.hi) return { fx: q, ...full, late };
    return { fx: { sig: b.resize(q.sig, rangeWidth(r.lo, r.hi), true), frac: q.frac }, ...r, late };
  };
  const initValue = b.constValue(init.sig);
  const first: Item = initValue === undefined || !ranges ? { fx: init, ...full } : { fx: init, lo: initValue, hi: initValue };
  const items = [first, ...terms.map(leaf)];
  const late = items.filter((t) => t.late);
  const early = items.filter((t) => !t.late);
  const sum = (xs: Item[], name: string, registered: boolean) => reduce(b, xs, accum, full, ranges !== undefined, name, form, registered);
  // with products, every term of the last sum starts its stage in a register (the products', and the other terms'
  // partial sum delayed to meet them)
  const root = late.length === 0 ? sum(early, hint, false).fx : sum([sum(early, `${hint}_e`, false), ...late], hint, true).fx;
  return { sig: b.resize(root.sig, fxWidth(accum), true), frac: root.frac };
}

/**
 * The sum of `items` mod 2^W: a compressor or an adder tree (`chooseCompressor`); its last sum is `<hint>_acc`. The tree
 * adds the two terms ready first (`arrivalNs`; all at once when `registered`), like a Huffman code over arrival times.
 */
function reduce(b: ModuleBuilder, items: readonly Item[], accum: FixedType, full: Bounds, exact: boolean, hint: string, form: TreeOptions['form'], registered: boolean): Item {
  if (items.length === 1) return items[0];
  const [lo, hi] = items.reduce(([l, h], t) => [l + t.lo, h + t.hi], [0n, 0n]);
  const fits = exact && lo >= full.lo && hi <= full.hi;
  const width = fits ? rangeWidth(lo, hi) : accum.width;
  const constant = items.reduce((k, t) => k + (b.constValue(t.fx.sig) ?? 0n), 0n);
  const operands = items
    .filter((t) => !b.isConstant(t.fx.sig))
    .map((t) => ({ sig: t.fx.sig, nonNegative: t.lo >= 0n, arrivalNs: registered ? 0 : arrivalNs(b, t.fx.sig) }));
  if (
    operands.length >= 2 &&
    form !== 'adders' &&
    (form === 'compressor' ||
      chooseCompressor(
        operands.map((o) => ({ width: o.sig.width, arrivalNs: o.arrivalNs })),
        columnTimes(operands.map((o) => ({ width: o.sig.width, nonNegative: o.nonNegative, arrivalNs: o.arrivalNs })), constant, width),
        width,
      ))
  ) {
    const s = compressSum(b, operands, constant, width, hint);
    const frac = items[0].fx.frac;
    if (fits) return { fx: { sig: b.resize(s, width, true, `${hint}_acc`), frac }, lo, hi };
    return { fx: { sig: b.resize(s, accum.signed ? width : width + 1, true, `${hint}_acc`), frac }, ...full };
  }
  // the two earliest terms first (narrower first among equals), as they become ready: the terms that arrive late
  // (deep products) join near the root, and terms of one arrival pair up level by level as a balanced tree would
  const pool = items.map((t) => ({ t, at: registered ? 0 : arrivalNs(b, t.fx.sig), level: 0, sum: false }));
  const count: number[] = [];
  while (pool.length > 1) {
    pool.sort((p, q) => p.at - q.at || p.t.fx.sig.width - q.t.fx.sig.width);
    const [x, y] = pool.splice(0, 2);
    const [lo, hi] = [x.t.lo + y.t.lo, x.t.hi + y.t.hi];
    const level = Math.max(x.level, y.level);
    const k = (count[level] = (count[level] ?? -1) + 1);
    // `<hint>_l<level>_<k>`: partial sum k of tree level `level`; the last sum is the accumulator `<hint>_acc`
    const name = pool.length === 0 ? `${hint}_acc` : `${hint}_l${level}_${k}`;
    const t: Item =
      lo >= full.lo && hi <= full.hi && exact
        ? { fx: { sig: b.binary('add', x.t.fx.sig, y.t.fx.sig, rangeWidth(lo, hi), true, name), frac: x.t.fx.frac }, lo, hi }
        : { fx: wrapAdd(b, x.t.fx, y.t.fx, accum, name), ...full };
    const merged = x.sum || y.sum || x.at > 0 || y.at > 0;
    const at = Math.round((Math.max(x.at, y.at) + (merged ? LUT_LEVEL_NS + DELAY_NS.carryIn : carryChainNs(t.fx.sig.width))) * 1000) / 1000;
    pool.push({ t, at, level: level + 1, sum: true });
  }
  return pool[0].t;
}

/**
 * The rule choosing a compressor over a balanced tree of carry adders for a sum (docs/rtl.md "Adder trees"), by the
 * timing model (timing.ts) and the terms' estimated arrival (arrival.ts): a tree of n terms is ⌈log2 n⌉ adder
 * levels after its latest term, each a LUT level and a carry entry when it reads an adder (a term that is a sum, or
 * the level below), the first one a full carry chain otherwise; the compressor is its counters' arrival-driven levels
 * (compress.ts) and one carry chain. The compressor is chosen when it is ready at least `MARGIN_NS` earlier and costs
 * at most 25 % more LUTs (about one per counter output and per bit of its final adder, against one per bit of every
 * adder of the tree).
 */
export function chooseCompressor(terms: readonly { width: number; arrivalNs: number }[], columns: readonly (readonly number[])[], width: number): boolean {
  const levels = Math.ceil(Math.log2(terms.length));
  const latest = Math.max(0, ...terms.map((t) => t.arrivalNs));
  const merged = LUT_LEVEL_NS + DELAY_NS.carryIn;
  const treeNs = latest + (latest > 0 ? merged : carryChainNs(width)) + (levels - 1) * merged;
  const { rowsNs, counterBits } = compressorShape(columns);
  const compressorNs = rowsNs + carryChainNs(width);
  // adders of a balanced tree: every term but one is added once, at about the width of the wider partial sum
  const treeLuts = terms
    .map((t) => t.width)
    .sort((p, q) => p - q)
    .slice(1)
    .reduce((s, w) => s + Math.min(width, w + 1), 0);
  return compressorNs + MARGIN_NS <= treeNs && counterBits + width <= 1.25 * treeLuts;
}

/** How much earlier (ns) a compressor must be ready than the adder tree to be chosen: about half a LUT level. */
const MARGIN_NS = 0.25;

/** Integer bounds of a mantissa. */
export interface Bounds {
  readonly lo: bigint;
  readonly hi: bigint;
  /** the value comes out of a multiply cell (registered by the scheduler): summed last */
  readonly late?: boolean;
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

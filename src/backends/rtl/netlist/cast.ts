import { fracBits, type FixedType, type QuantMode } from '../../../fixed/fixed-type.ts';
import { castRangeBig } from '../../../fixed/range.ts';
import type { ModuleBuilder } from './builder.ts';
import type { Fx } from './fx.ts';
import type { Sig } from './netlist.ts';

/**
 * Q_T(x) in hardware: the Xilinx cast of an exact value to T = ap_[u]fixed<W, I, Q, O>, mirroring src/fixed/quantize.ts.
 * 1. Quantization to the grid 2^−F: with shift = F_x − F > 0, q = floor(x / 2^shift) = x >>> shift and the dropped bits
 *    r decide the rounding carry: `half` = the top dropped bit, `rest` = any lower dropped bit, `neg` = sign of x.
 * 2. Overflow to W bits: compare with [min, max] (only the comparisons that can be true are built), then wrap
 *    (keep W bits), saturate, saturate to zero, or sign-magnitude wrap.
 * The result carries an unsigned T with one extra zero sign bit, like every Fx.
 * `nonNegative`: the caller uses the result only when x ≥ 0 (a relu selects 0 from x's sign bit, which is
 * Q_T(0) = 0), so no logic is built for negative x (the underflow test and its multiplexer).
 */
export function castFx(b: ModuleBuilder, x: Fx, t: FixedType, hint = 'cast', nonNegative = false): Fx {
  if (t.overflow === 'AP_WRAP_SM' && !t.signed) throw new Error(`AP_WRAP_SM needs a signed type, not ${t.width}-bit unsigned`);
  const F = fracBits(t);
  if (t.overflow === 'AP_WRAP') return { sig: wrapCast(b, x, t, hint), frac: F };
  const { n, trunc, range, up } = quantize(b, x, F, t.quant, hint);
  return { sig: overflow(b, { n, trunc, up }, nonNegative ? { min: 0n, max: range.max } : range, t, hint), frac: F };
}

interface Range {
  readonly min: bigint;
  readonly max: bigint;
}

const pow2 = (k: number): bigint => 1n << BigInt(k);
const signedRange = (w: number): Range => ({ min: -pow2(w - 1), max: pow2(w - 1) - 1n });

/**
 * The wrapping cast needs only the low W bits of n = q + carry, so everything is computed W bits wide:
 * q mod 2^W is a slice of x (sign-extended when x is short), and the carry is added mod 2^W.
 */
function wrapCast(b: ModuleBuilder, x: Fx, t: FixedType, hint: string): Sig {
  const w = t.width;
  const wo = t.signed ? w : w + 1;
  const shift = x.frac - fracBits(t);
  const a = shift >= 0 ? x.sig : b.shiftLeft(x.sig, -shift, `${hint}_al`);
  const s = Math.max(shift, 0);
  const ext = b.resize(a, Math.max(a.width, s + w), true, `${hint}_ext`);
  let low = b.slice(ext, s, w, `${hint}_q`); // floor(x / 2^shift) mod 2^W
  if (s > 0) {
    const { up } = quantize(b, x, fracBits(t), t.quant, hint, true);
    if (up) low = b.binary('add', low, up, w, false, `${hint}_r`);
  }
  return b.resize(low, wo, t.signed, hint);
}

/** Step 1: n = the rounded integer on the target grid, trunc = floor before rounding, range = bounds of n. */
function quantize(b: ModuleBuilder, x: Fx, F: number, mode: QuantMode, hint: string, carryOnly = false): { n: Sig; trunc: Sig; range: Range; up?: Sig } {
  const a = x.sig;
  const shift = x.frac - F;
  const full = signedRange(a.width);
  if (shift <= 0) {
    const n = b.shiftLeft(a, -shift, `${hint}_al`);
    return { n, trunc: n, range: { min: full.min << BigInt(-shift), max: full.max << BigInt(-shift) } };
  }
  const wa = a.width;
  const qWidth = Math.max(wa - shift, 1);
  const qRange = signedRange(qWidth);
  // the dropped bits r = x mod 2^shift are bits shift−1 … 0 of x sign-extended; built only when the mode reads them
  const sign = once(() => b.slice(a, wa - 1, 1, `${hint}_neg`));
  const bits: RoundBits = {
    sign,
    half: once(() => (shift - 1 < wa ? b.slice(a, shift - 1, 1, `${hint}_half`) : sign())),
    rest: once(() => {
      if (shift < 2) return undefined;
      const low = b.redor(b.slice(a, 0, Math.min(shift - 1, wa), `${hint}_low`), `${hint}_rest`);
      return shift - 2 >= wa ? b.or(low, sign(), `${hint}_rest`) : low;
    }),
    odd: once(() => (shift < wa ? b.slice(a, shift, 1, `${hint}_odd`) : sign())),
  };
  const up = roundUp(b, mode, bits, hint);
  if (carryOnly) return { n: a, trunc: a, range: qRange, up };
  const q = wa > shift ? b.resize(b.slice(a, shift, wa - shift, `${hint}_fl`), wa - shift, true) : b.resize(sign(), 1, true, `${hint}_fl`);
  if (!up) return { n: q, trunc: q, range: qRange };
  const n = b.add(q, up, `${hint}_rnd`);
  return { n, trunc: q, range: { min: qRange.min, max: qRange.max + 1n }, up };
}

interface RoundBits {
  /** the top dropped bit: r ≥ ½ */
  half: () => Sig;
  /** any lower dropped bit (undefined when there is none) */
  rest: () => Sig | undefined;
  /** x < 0 */
  sign: () => Sig;
  /** bit 0 of q = floor(x / 2^shift) */
  odd: () => Sig;
}

function once<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => (done ? v! : ((done = true), (v = f())));
}

/** The rounding carry of src/fixed/rounding.ts `roundUp`, as logic; undefined when it is always 0. */
function roundUp(b: ModuleBuilder, mode: QuantMode, r: RoundBits, hint: string): Sig | undefined {
  const h = `${hint}_up`;
  const or = (p: Sig, q?: Sig): Sig => (q ? b.or(p, q, h) : p);
  switch (mode) {
    case 'AP_TRN': // toward −∞: never
      return undefined;
    case 'AP_TRN_ZERO': // toward 0: negative and inexact
      return b.and(r.sign(), or(r.half(), r.rest()), h);
    case 'AP_RND': // half up: r ≥ ½
      return r.half();
    case 'AP_RND_ZERO': // half toward 0: r > ½, or r = ½ and negative
      return b.and(r.half(), or(r.sign(), r.rest()), h);
    case 'AP_RND_MIN_INF': // half down: r > ½
      return r.rest() ? b.and(r.half(), r.rest()!, h) : undefined;
    case 'AP_RND_INF': // half away from 0: r > ½, or r = ½ and positive
      return b.and(r.half(), or(b.not(r.sign(), `${hint}_pos`), r.rest()), h);
    case 'AP_RND_CONV': // half to even: r > ½, or r = ½ and q odd
      return b.and(r.half(), or(r.odd(), r.rest()), h);
  }
}

/**
 * n > max with max = 2^k − 1 (every type's max), from q = trunc and the rounding carry `up` (n = q + up), in parallel
 * with the rounding adder and without a comparator: q > max ⇔ q ≥ 0 and a bit above k − 1 is set (`high`); q = max ⇔
 * q ≥ 0, no bit above is set and bits k − 1 … 0 are all set (`ones`); so n > max ⇔ q ≥ 0 and (high or (ones and up)).
 * LUT6 trees over the bits of q, ahead of the one multiplexer level after the adder (docs/rtl.md "Pipelining rule").
 */
function aboveMax(b: ModuleBuilder, q: Sig, up: Sig | undefined, max: bigint, hint: string): Sig {
  const k = max === 0n ? 0 : max.toString(2).length;
  const wq = q.width;
  const pos = b.not(b.slice(q, wq - 1, 1, `${hint}_qs`), `${hint}_qpos`);
  const high = k < wq - 1 ? b.redor(b.slice(q, k, wq - 1 - k, `${hint}_qh`), `${hint}_qhi`) : undefined;
  // bits k−1 … 0 all set: none of them clear
  const ones = k > 0 ? b.not(b.redor(b.not(b.slice(q, 0, k, `${hint}_ql`), `${hint}_qlz`), `${hint}_qclr`), `${hint}_qones`) : undefined;
  const carry = up ? (ones ? b.and(up, ones, `${hint}_qcarry`) : up) : undefined;
  const any = high && carry ? b.or(high, carry, `${hint}_qany`) : (high ?? carry);
  return any ? b.and(pos, any, `${hint}_ovh`) : b.constant(0n, 1, false);
}

/**
 * n < min with min = −2^k (every signed type's min but AP_SAT_SYM's), from q and `up` like aboveMax: q < −2^(k+1)
 * when a bit above k is clear (`zeroAbove`, the sign set); otherwise q < −2^k when bit k is clear, except that
 * q = −2^k − 1 (bits k − 1 … 0 all set) rounds up to min itself.
 */
function belowMin(b: ModuleBuilder, q: Sig, up: Sig | undefined, min: bigint, hint: string): Sig {
  const k = (-min).toString(2).length - 1;
  const wq = q.width;
  const neg = b.slice(q, wq - 1, 1, `${hint}_qn`);
  const zeroAbove = k + 1 < wq - 1 ? b.redor(b.not(b.slice(q, k + 1, wq - 2 - k, `${hint}_qa`), `${hint}_qaz`), `${hint}_qzero`) : undefined;
  let under = b.not(b.slice(q, k, 1, `${hint}_qk`), `${hint}_qkz`);
  if (up) {
    const ones = k > 0 ? b.not(b.redor(b.not(b.slice(q, 0, k, `${hint}_qm`), `${hint}_qmz`), `${hint}_qmclr`), `${hint}_qmones`) : undefined;
    const toMin = ones ? b.and(up, ones, `${hint}_qtomin`) : up;
    under = b.and(under, b.not(toMin, `${hint}_qstay`), `${hint}_qunder`);
  }
  return b.and(neg, zeroAbove ? b.or(zeroAbove, under, `${hint}_qbelow`) : under, `${hint}_ovl`);
}

/** Step 2: n = trunc + up (any width, exact) to the W-bit result with the overflow mode. */
function overflow(b: ModuleBuilder, r: { n: Sig; trunc: Sig; up?: Sig }, range: Range, t: FixedType, hint: string): Sig {
  const { n, trunc } = r;
  const w = t.width;
  const wo = t.signed ? w : w + 1;
  const { min, max } = castRangeBig(t);
  const canHi = range.max > max;
  const canLo = range.min < min;
  const inner = b.resize(n, wo, true, `${hint}_in`); // the value itself when it is in range
  if (!canHi && !canLo) return inner;
  const maxIsMask = max >= 0n && (max & (max + 1n)) === 0n && trunc.signed;
  const hi = !canHi ? undefined : maxIsMask ? aboveMax(b, trunc, r.up, max, hint) : b.gt(n, b.constant(max, wo, true), `${hint}_ovh`);
  // below 0 is the sign bit (no comparator)
  const minIsPow2 = min < 0n && (-min & (-min - 1n)) === 0n && trunc.signed;
  const lo = !canLo
    ? undefined
    : min === 0n
      ? b.slice(n, n.width - 1, 1, `${hint}_ovl`)
      : minIsPow2
        ? belowMin(b, trunc, r.up, min, hint)
        : b.lt(n, b.constant(min, wo, true), `${hint}_ovl`);
  const ovf = () => (hi && lo ? b.or(hi, lo, `${hint}_ovf`) : (hi ?? lo)!);
  switch (t.overflow) {
    case 'AP_WRAP': // handled by wrapCast
      throw new Error('unreachable');
    case 'AP_SAT':
    case 'AP_SAT_SYM': {
      let y = inner;
      if (lo) y = b.mux(lo, b.constant(min, wo, true), y, `${hint}_satl`);
      if (hi) y = b.mux(hi, b.constant(max, wo, true), y, `${hint}_sath`);
      return y;
    }
    case 'AP_SAT_ZERO':
      return b.mux(ovf(), b.constant(0n, wo, true), inner, hint);
    case 'AP_WRAP_SM': {
      // keep the low W bits u; complement them when their sign bit disagrees with bit W of the truncated value
      const low = b.slice(b.resize(n, Math.max(n.width, w), true, `${hint}_wide`), 0, w, `${hint}_wrap`); // n mod 2^W
      const u = b.resize(low, w, true, `${hint}_u`);
      const bitW = b.slice(trunc, Math.min(w, trunc.width - 1), 1, `${hint}_bitw`);
      const flip = b.xor(b.slice(low, w - 1, 1, `${hint}_usgn`), bitW, `${hint}_flip`);
      return b.mux(ovf(), b.mux(flip, b.not(u, `${hint}_inv`), u, `${hint}_sm`), inner, hint);
    }
  }
}

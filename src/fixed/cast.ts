import { fracBits, QUANT_MODES, type FixedType, type QuantMode } from './fixed-type.ts';
import { doubleParts } from './double-parts.ts';
import { castRange } from './range.ts';
import { overflowInteger, quantizeScaled, type OverflowStats } from './quantize.ts';

/**
 * A precomputed cast for hot loops: Q_T(m · 2^−fromFrac) for safe-integer mantissas m, same result as quantizeScaled
 * (tests check it) without per-call set-up. Needs W(T) ≤ 53; |fromFrac − F(T)| > 900 falls back to quantizeScaled.
 */
export class Caster {
  readonly shift: number;
  private readonly scale: number;
  private readonly min: number;
  private readonly max: number;
  private readonly mode: number;
  private readonly general: boolean;

  constructor(
    readonly fromFrac: number,
    readonly type: FixedType,
    readonly stats: OverflowStats = { overflows: 0 },
  ) {
    if (type.width > 53) throw new Error(`Caster: ${type.width}-bit mantissas are not exact numbers`);
    this.shift = fromFrac - fracBits(type);
    this.scale = 2 ** -this.shift;
    ({ min: this.min, max: this.max } = castRange(type));
    this.mode = quantCode(type.quant);
    this.general = Math.abs(this.shift) > 900;
  }

  /**
   * Q_T(x · 2^−fromFrac) for any finite double x: x · 2^−shift and its fractional part stay exact doubles while the
   * magnitude stays well inside the normal range; outside it (or for NaN/±Inf, which throw) quantizeDouble decides.
   */
  castDouble(x: number): number {
    if (x === 0) return 0;
    const a = Math.abs(x);
    if (!this.general && a > 2 ** -900 && a < 2 ** 900) return this.cast(x);
    const { mantissa, frac } = doubleParts(x); // throws for NaN and ±Inf
    return quantizeScaled(mantissa, frac + this.fromFrac, this.type, this.stats);
  }

  cast(m: number): number {
    if (this.general) return quantizeScaled(m, this.fromFrac, this.type, this.stats);
    const d = m * this.scale; // exact: a power-of-two scaling
    const q = Math.floor(d);
    const r = d - q; // exact fractional part, 0 when shift ≤ 0
    const n = r === 0 ? q : q + roundCarry(this.mode, r, q);
    if (n >= this.min && n <= this.max) return n;
    return overflowInteger(n, this.type, this.stats, q);
  }
}

export const quantCode = (mode: QuantMode): number => QUANT_MODES.indexOf(mode);

/**
 * 1 when mode (an index into QUANT_MODES) rounds q = floor(d) up, given the fractional part 0 < r < 1 of d.
 * Same decisions as rounding.ts, on plain numbers so hot loops can inline it.
 */
export function roundCarry(mode: number, r: number, q: number): number {
  switch (mode) {
    case 0: // AP_TRN
      return 0;
    case 1: // AP_TRN_ZERO
      return q < 0 ? 1 : 0;
    case 2: // AP_RND
      return r >= 0.5 ? 1 : 0;
    case 3: // AP_RND_ZERO
      return r > 0.5 || (r === 0.5 && q < 0) ? 1 : 0;
    case 4: // AP_RND_MIN_INF
      return r > 0.5 ? 1 : 0;
    case 5: // AP_RND_INF
      return r > 0.5 || (r === 0.5 && q >= 0) ? 1 : 0;
    default: // AP_RND_CONV
      return r > 0.5 || (r === 0.5 && q % 2 !== 0) ? 1 : 0;
  }
}

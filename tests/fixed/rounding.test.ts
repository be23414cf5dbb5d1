import { describe, expect, it } from 'vitest';
import {
  Caster, castRange, castRangeBig, commutesWithIntegers, fixedType, isOrderFreeAccumulator, quantizeScaledBig, rangeOf,
  ROUND_EXACT_DOUBLE, OVERFLOW_MODES, QUANT_MODES,
} from '../../src/fixed/index.ts';

/** d values in eighths of an LSB, ties and both signs included. */
const EIGHTHS = Array.from({ length: 161 }, (_, i) => i - 80);

describe('one rounding decision in three forms', () => {
  for (const mode of QUANT_MODES) {
    it(`${mode}: the double form, the number cast and the BigInt cast round every eighth of an LSB alike`, () => {
      const t = fixedType(32, 32, { quant: mode }); // integer type: rounding only, no overflow
      const caster = new Caster(3, t);
      for (const e of EIGHTHS) {
        const big = Number(quantizeScaledBig(BigInt(e), 3, t));
        expect(ROUND_EXACT_DOUBLE[mode](e / 8)).toBe(big);
        expect(caster.cast(e)).toBe(big);
      }
    });

    it(`${mode}: ${commutesWithIntegers(mode) ? 'commutes' : 'does not commute'} with adding whole LSBs, as commutesWithIntegers says`, () => {
      const r = ROUND_EXACT_DOUBLE[mode];
      const commutes = EIGHTHS.every((e) => [-3, -1, 1, 2].every((n) => r(n + e / 8) === n + r(e / 8)));
      expect(commutesWithIntegers(mode)).toBe(commutes);
    });
  }

  it('calls an accumulator order-free exactly when its rounding commutes and it wraps', () => {
    for (const quant of QUANT_MODES)
      for (const overflow of OVERFLOW_MODES)
        expect(isOrderFreeAccumulator(fixedType(12, 4, { quant, overflow }))).toBe(commutesWithIntegers(quant) && overflow === 'AP_WRAP');
  });
});

describe('the mantissas a cast can produce', () => {
  it('are the results of saturating the extreme values, for every width, sign and overflow mode', () => {
    for (const signed of [true, false])
      for (const overflow of OVERFLOW_MODES)
        for (let w = 1; w <= 12; w++) {
          if (!signed && overflow === 'AP_WRAP_SM') continue; // not a type: the vendor header refuses it
          const t = fixedType(w, w, { signed, overflow });
          const seen = new Set<bigint>();
          for (let m = -(2 ** 13); m <= 2 ** 13; m++) seen.add(quantizeScaledBig(BigInt(m), 0, t));
          for (const m of [-(2n ** 14n), 2n ** 14n, -(2n ** BigInt(w - 1)), 2n ** BigInt(w)]) seen.add(quantizeScaledBig(m, 0, t));
          const all = [...seen];
          const lo = all.reduce((a, b) => (b < a ? b : a));
          const hi = all.reduce((a, b) => (b > a ? b : a));
          expect(castRangeBig(t)).toEqual({ min: lo, max: hi });
          expect(castRange(t)).toEqual({ min: Number(lo), max: Number(hi) });
          if (overflow !== 'AP_SAT_SYM') expect(castRange(t)).toEqual(rangeOf(t));
        }
  });
});

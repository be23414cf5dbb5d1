import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { fixedType, quantizeDouble, rangeOf as typeRange, toValue } from '../../src/fixed/index.ts';
import { fracBitsFor, typeForRange } from '../../src/init/choose-type.ts';

const modes = { quant: 'AP_RND', overflow: 'AP_SAT' } as const;

describe('typeForRange', () => {
  it('holds the observed magnitudes plus the margin, with the fewest integer bits, and rounds within the target error', () => {
    const rnd = mulberry32(42);
    for (let k = 0; k < 300; k++) {
      const scale = 2 ** Math.floor(rnd() * 16 - 6);
      const r = rnd() < 0.3 ? { min: 0, max: rnd() * scale } : { min: -rnd() * scale, max: rnd() * scale };
      const margin = [0, 0.1, 0.25, 1][k % 4];
      const targetError = 10 ** -(1 + rnd() * 4);
      const { type } = typeForRange(r, { margin, targetError, modes });
      expect(type.signed).toBe(r.min < 0);
      const m = Math.max(-r.min, r.max) * (1 + margin);
      // every value of [−m, m] (or [0, m]) lies inside the type's range; one integer bit fewer would not hold m
      const lo = toValue(Number(typeRange(type).min), type);
      const hi = toValue(Number(typeRange(type).max), type) + 2 ** -(type.width - type.integer);
      expect(hi).toBeGreaterThan(m);
      if (type.signed) expect(lo).toBeLessThanOrEqual(-m);
      if (type.integer > (type.signed ? 1 : 0)) expect(2 ** (type.integer - (type.signed ? 2 : 1))).toBeLessThanOrEqual(m);
      // rounding a value of the observed range errs at most targetError, and never by more than half a step
      for (let j = 0; j < 20; j++) {
        const x = r.min + rnd() * (r.max - r.min);
        const q = toValue(quantizeDouble(x, type), type);
        expect(Math.abs(q - x)).toBeLessThanOrEqual(targetError);
      }
    }
  });

  it('takes the fewest fractional bits whose half step is within the target error', () => {
    for (const e of [0.5, 0.1, 1e-3, 2 ** -10, 1e-6]) {
      const f = fracBitsFor(e);
      expect(2 ** -(f + 1)).toBeLessThanOrEqual(e);
      if (f > 0) expect(2 ** -f).toBeGreaterThan(e);
    }
  });

  it('says why: the range, the margin, the integer bits and the step', () => {
    const { type, why } = typeForRange({ min: -3, max: 5 }, { margin: 0.25, targetError: 1e-3, modes });
    expect(type).toEqual(fixedType(13, 4, { signed: true, quant: 'AP_RND', overflow: 'AP_SAT' }));
    expect(why).toBe('[-3, 5] +25% margin needs 4 integer bits with sign; step 2^-9 (error ≤ 9.77e-4)');
  });
});

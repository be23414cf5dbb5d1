import { describe, expect, it } from 'vitest';
import {
  fixedType,
  OVERFLOW_MODES,
  parseFixedType,
  productType,
  QUANT_MODES,
  quantizeArray,
  quantizeDouble,
  quantizeScaled,
  quantizeScaledBig,
  rangeOf,
  sumType,
  toValue,
  type OverflowStats,
  Caster,
} from '../../src/fixed/index.ts';

/** Deterministic pseudo-random generator (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('quantizeScaled', () => {
  it('agrees with the BigInt path for widths up to 53 bits, every mode, random scaled values', () => {
    const random = rng(7);
    for (let trial = 0; trial < 400; trial++) {
      const width = 1 + Math.floor(random() * 53);
      const integer = Math.floor(random() * 80) - 20;
      const signed = random() < 0.7;
      for (const quant of QUANT_MODES)
        for (const overflow of OVERFLOW_MODES) {
          if (!signed && overflow === 'AP_WRAP_SM') continue;
          const t = fixedType(width, integer, { signed, quant, overflow });
          for (let k = 0; k < 6; k++) {
            const m = Math.round((random() - 0.5) * 2 ** Math.floor(random() * 54));
            const frac = Math.floor(random() * 140) - 60;
            const a: OverflowStats = { overflows: 0 };
            const b: OverflowStats = { overflows: 0 };
            const got = quantizeScaled(m, frac, t, a);
            expect(BigInt(got), `${m}·2^-${frac} to ${width},${integer}`).toBe(quantizeScaledBig(BigInt(m), frac, t, b));
            expect(a.overflows).toBe(b.overflows);
          }
        }
    }
  });

  it('handles 64-bit types through BigInt and refuses mantissas that are not safe integers', () => {
    const t64 = fixedType(64, 32, { quant: 'AP_RND', overflow: 'AP_SAT' });
    expect(quantizeScaledBig(3n, 1, t64)).toBe(3n << 31n); // 1.5 · 2^32
    expect(quantizeScaledBig(1n << 200n, 0, t64)).toBe((1n << 63n) - 1n);
    expect(quantizeScaled(3, 1, t64)).toBe(1.5 * 2 ** 32);
    expect(() => quantizeScaled(1, -60, fixedType(64, 64))).toThrow('is not a safe integer');
  });

  it('rounds exact halves as each mode says, on both signs', () => {
    const at = (q: string, x: number) => quantizeDouble(x, parseFixedType(`ap_fixed<8,8,${q}>`));
    const halves = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5];
    expect(halves.map((x) => at('AP_TRN', x))).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(halves.map((x) => at('AP_TRN_ZERO', x))).toEqual([-2, -1, 0, 0, 1, 2]);
    expect(halves.map((x) => at('AP_RND', x))).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(halves.map((x) => at('AP_RND_ZERO', x))).toEqual([-2, -1, 0, 0, 1, 2]);
    expect(halves.map((x) => at('AP_RND_MIN_INF', x))).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(halves.map((x) => at('AP_RND_INF', x))).toEqual([-3, -2, -1, 1, 2, 3]);
    expect(halves.map((x) => at('AP_RND_CONV', x))).toEqual([-2, -2, 0, 0, 2, 2]);
  });
});

describe('overflow counting', () => {
  it('counts each cast that wrapped or saturated, and nothing else', () => {
    for (const overflow of OVERFLOW_MODES) {
      const t = fixedType(4, 2, { overflow }); // range [−2, 1.75]
      const stats: OverflowStats = { overflows: 0 };
      for (const x of [-2, -1.25, 0, 1.75, 1.8]) quantizeDouble(x, t, stats); // 1.8 truncates to 1.75
      const inRangeCount = overflow === 'AP_SAT_SYM' ? 1 : 0; // SAT_SYM maps −2 (= −2^(W−1)) to −1.75
      expect(stats.overflows, overflow).toBe(inRangeCount);
      for (const x of [2, -2.25, 100, -7.9]) quantizeDouble(x, t, stats);
      expect(stats.overflows, overflow).toBe(inRangeCount + 4);
    }
  });

  it('counts a rounding carry past the maximum as an overflow', () => {
    const stats: OverflowStats = { overflows: 0 };
    expect(quantizeDouble(1.9, fixedType(4, 2, { quant: 'AP_RND', overflow: 'AP_SAT' }), stats)).toBe(7);
    expect(stats.overflows).toBe(1);
  });
});

describe('quantizeDouble and helpers', () => {
  it('refuses NaN and infinities', () => {
    const t = fixedType(16, 6);
    expect(() => quantizeDouble(NaN, t)).toThrow('cannot quantize NaN');
    expect(() => quantizeDouble(Infinity, t)).toThrow('cannot quantize Infinity');
  });

  it('quantizes subnormal and huge doubles exactly', () => {
    const t = fixedType(16, 6, { quant: 'AP_RND_INF', overflow: 'AP_SAT' });
    expect(quantizeDouble(5e-324, t)).toBe(0);
    expect(quantizeDouble(-5e-324, fixedType(16, 6))).toBe(-1);
    expect(quantizeDouble(1.7e308, t)).toBe(rangeOf(t).max);
    expect(quantizeDouble(1.7e308, fixedType(16, 6))).toBe(0); // a multiple of 2^16 LSB wraps to 0
  });

  it('quantizeArray returns the exact values of the quantized constants', () => {
    const t = fixedType(8, 3, { quant: 'AP_RND' });
    const out = quantizeArray(new Float64Array([0.1, -0.1, 3.99, -5]), t);
    expect(Array.from(out)).toEqual([0.09375, -0.09375, -4, 3]); // 3.99 rounds up to 4 and wraps; −5 wraps to 3
    expect(toValue(quantizeDouble(0.1, t), t)).toBe(0.09375);
  });

  it('gives ap_fixed result types for products and sums', () => {
    const a = fixedType(16, 6);
    expect(productType(a, fixedType(8, 3, { signed: false }))).toEqual(fixedType(24, 9));
    expect(sumType(a, fixedType(10, 2))).toEqual(fixedType(17, 7));
    expect(sumType(fixedType(8, 8, { signed: false }), fixedType(4, 4))).toEqual(fixedType(10, 10));
    expect(rangeOf(fixedType(4, 1, { signed: false }))).toEqual({ min: 0, max: 15 });
  });
});

describe('Caster', () => {
  it('casts exactly like quantizeScaled, counting the same overflows', () => {
    const random = rng(11);
    for (let trial = 0; trial < 300; trial++) {
      const width = 1 + Math.floor(random() * 53);
      const signed = random() < 0.7;
      const t = fixedType(width, Math.floor(random() * 60) - 10, {
        signed,
        quant: QUANT_MODES[Math.floor(random() * QUANT_MODES.length)],
        overflow: OVERFLOW_MODES[Math.floor(random() * (signed ? 5 : 4))],
      });
      const fromFrac = Math.floor(random() * 100) - 30;
      const caster = new Caster(fromFrac, t);
      const stats: OverflowStats = { overflows: 0 };
      for (let k = 0; k < 50; k++) {
        const m = Math.round((random() - 0.5) * 2 ** Math.floor(random() * 54)) + 0; // + 0 turns −0 into 0
        expect(caster.cast(m)).toBe(quantizeScaled(m, fromFrac, t, stats));
      }
      expect(caster.stats.overflows).toBe(stats.overflows);
    }
  });

  it('casts any double like quantizeDouble, tiny, huge and non-integer ones included', () => {
    const random = rng(12);
    for (let trial = 0; trial < 300; trial++) {
      const signed = random() < 0.7;
      const t = fixedType(1 + Math.floor(random() * 53), Math.floor(random() * 60) - 10, {
        signed,
        quant: QUANT_MODES[Math.floor(random() * QUANT_MODES.length)],
        overflow: OVERFLOW_MODES[Math.floor(random() * (signed ? 5 : 4))],
      });
      const caster = new Caster(0, t);
      const stats: OverflowStats = { overflows: 0 };
      for (let k = 0; k < 50; k++) {
        const x = (random() - 0.5) * 2 ** (Math.floor(random() * 2000) - 1000);
        expect(caster.castDouble(x)).toBe(quantizeDouble(x, t, stats));
      }
      expect(caster.stats.overflows).toBe(stats.overflows);
    }
    expect(() => new Caster(0, fixedType(8, 3)).castDouble(NaN)).toThrow('cannot quantize NaN');
  });
});

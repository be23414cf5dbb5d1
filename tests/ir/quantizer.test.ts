import { describe, expect, it } from 'vitest';
import { formatFixedType } from '../../src/fixed/index.ts';
import { exactCastType, intRange, parseRounding, QUANT_ROUNDINGS, quantValue, roundQonnx, type Quantizer, type QuantRounding } from '../../src/ir/quantizer.ts';

/** The numpy expressions QONNX's resolve_rounding_mode uses, transcribed literally (a straightforward reference). */
const NUMPY: Record<QuantRounding, (v: number) => number> = {
  ROUND: (v) => (Math.abs(v - Math.trunc(v)) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v)), // np.round: half to even
  CEIL: Math.ceil,
  FLOOR: Math.floor,
  UP: (v) => Math.sign(v) * Math.ceil(Math.abs(v)),
  DOWN: Math.trunc, // np.fix
  HALF_UP: (v) => Math.sign(v) * Math.floor(Math.abs(v) + 0.5),
  HALF_DOWN: (v) => Math.sign(v) * Math.ceil(Math.abs(v) - 0.5),
};

/** The QONNX reference: scale, add zero point, clamp, round, subtract zero point, rescale (bipolar for 1-bit signed). */
function reference(x: number, s: number, z: number, b: number, signed: boolean, narrow: boolean, mode: QuantRounding): number {
  const v = x / s + z;
  if (b === 1 && signed) return ((v >= 0 ? 1 : -1) - z) * s;
  const min = signed ? -(2 ** (b - 1)) + (narrow ? 1 : 0) : 0;
  const max = signed ? 2 ** (b - 1) - 1 : 2 ** b - 1 - (narrow ? 1 : 0);
  const c = Math.min(Math.max(v, min), max);
  return (NUMPY[mode](c) - z) * s;
}

const q = (p: Partial<Quantizer> & { s?: number; z?: number }): Quantizer => ({
  scale: Float64Array.of(p.s ?? 1),
  zeroPoint: Float64Array.of(p.z ?? 0),
  bitWidth: p.bitWidth ?? 4,
  signed: p.signed ?? true,
  narrow: p.narrow ?? false,
  rounding: p.rounding ?? 'ROUND',
});

describe('QONNX quantizer semantics', () => {
  it('rounds as the rounding-mode table of the QONNX IntQuant spec says', () => {
    const inputs = [5.5, 2.5, 1.6, 1.1, 1.0, -1.0, -1.1, -1.6, -2.5, -5.5];
    const table: Record<QuantRounding, number[]> = {
      ROUND: [6, 2, 2, 1, 1, -1, -1, -2, -2, -6],
      CEIL: [6, 3, 2, 2, 1, -1, -1, -1, -2, -5],
      FLOOR: [5, 2, 1, 1, 1, -1, -2, -2, -3, -6],
      UP: [6, 3, 2, 2, 1, -1, -2, -2, -3, -6],
      DOWN: [5, 2, 1, 1, 1, -1, -1, -1, -2, -5],
      HALF_UP: [6, 3, 2, 1, 1, -1, -1, -2, -3, -6],
      HALF_DOWN: [5, 2, 2, 1, 1, -1, -1, -2, -2, -5],
    };
    for (const mode of QUANT_ROUNDINGS) expect(inputs.map((v) => roundQonnx(mode, v)), mode).toEqual(table[mode]);
  });

  it('accepts the spellings QONNX accepts, case-insensitively, and nothing else', () => {
    expect(['round', 'Half_Even', 'floor', 'ROUND_TO_ZERO', 'half_down'].map(parseRounding)).toEqual(['ROUND', 'ROUND', 'FLOOR', 'DOWN', 'HALF_DOWN']);
    expect(parseRounding('NEAREST')).toBeUndefined();
  });

  it('has the integer ranges of min_int/max_int for signed, unsigned and narrow', () => {
    expect(intRange({ bitWidth: 8, signed: true, narrow: false })).toEqual({ min: -128, max: 127 });
    expect(intRange({ bitWidth: 8, signed: true, narrow: true })).toEqual({ min: -127, max: 127 });
    expect(intRange({ bitWidth: 8, signed: false, narrow: false })).toEqual({ min: 0, max: 255 });
    expect(intRange({ bitWidth: 8, signed: false, narrow: true })).toEqual({ min: 0, max: 254 });
  });

  it('equals the reference formula for every rounding mode, signedness, narrow range and bit width on a grid', () => {
    let checked = 0;
    const differing: string[] = [];
    for (const rounding of QUANT_ROUNDINGS)
      for (const signed of [true, false])
        for (const narrow of [false, true])
          for (const bitWidth of [1, 2, 3, 6])
            for (const [s, z] of [[1, 0], [0.25, 0], [0.1, 0], [0.5, 1], [3, -2], [0.125, 0.5]]) {
              const quant = q({ s, z, bitWidth, signed, narrow, rounding });
              for (let k = -400; k <= 400; k++) {
                const x = k / 32;
                const [got, want] = [quantValue(quant, x), reference(x, s, z, bitWidth, signed, narrow, rounding)];
                if (got !== want) differing.push(`${rounding} b=${bitWidth} signed=${signed} narrow=${narrow} s=${s} z=${z} x=${x}: ${got} vs ${want}`);
                checked++;
              }
            }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it('maps power-of-two quantizers to ap_fixed types and explains the others', () => {
    const t = (p: Parameters<typeof q>[0]) => {
      const r = exactCastType(q(p));
      return 'type' in r ? formatFixedType(r.type) : r.reason;
    };
    expect(t({ s: 2 ** -5, bitWidth: 6 })).toBe('ap_fixed<6,1,AP_RND_CONV,AP_SAT>');
    expect(t({ s: 2 ** -6, bitWidth: 6, signed: false })).toBe('ap_ufixed<6,0,AP_RND_CONV,AP_SAT>');
    expect(t({ s: 4, bitWidth: 3, narrow: true, rounding: 'FLOOR' })).toBe('ap_fixed<3,5,AP_TRN,AP_SAT_SYM>');
    expect(t({ s: 1, rounding: 'DOWN' })).toBe('ap_fixed<4,4,AP_TRN_ZERO,AP_SAT>');
    expect(t({ s: 1, rounding: 'HALF_UP' })).toBe('ap_fixed<4,4,AP_RND_INF,AP_SAT>');
    expect(t({ s: 1, rounding: 'HALF_DOWN' })).toBe('ap_fixed<4,4,AP_RND_ZERO,AP_SAT>');
    expect(t({ s: 0.1 })).toBe('scale must be one power of two, not 0.1');
    expect(t({ s: 1, z: 1 })).toBe('zero point must be 0, not 1');
    expect(t({ s: 1, rounding: 'CEIL' })).toBe('rounding_mode must be one of ROUND, FLOOR, DOWN, HALF_UP, HALF_DOWN, not CEIL');
    expect(t({ s: 1, signed: false, narrow: true })).toContain('narrow must be 0 for unsigned quantizers');
  });
});

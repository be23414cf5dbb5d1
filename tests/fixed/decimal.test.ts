import { describe, expect, it } from 'vitest';
import { decimalHalfEven, hls4mlWrittenValue, parseFixedType, quantizeDouble } from '../../src/fixed/index.ts';

describe("hls4ml's decimal constants", () => {
  it("prints like Python's '{:.Nf}' (exact binary value, ties to even), as recorded from Python 3", () => {
    const python: [number, number, string][] = [
      [0.125, 2, '0.12'], [0.375, 2, '0.38'], [2.5, 0, '2'], [-3.5, 0, '-4'], [1.0005, 3, '1.000'], [0.25, 1, '0.2'],
      [-0.0001, 3, '-0.000'], [123.456789, 10, '123.4567890000'], [1e-7, 4, '0.0000'], [0.00097656, 10, '0.0009765600'],
    ];
    expect(python.map(([v, n]) => decimalHalfEven(v, n))).toEqual(python.map(([, , s]) => s));
  });

  it('leaves a value already on the type grid unchanged (a dyadic with F fraction bits has F decimals)', () => {
    const t = parseFixedType('ap_fixed<16,6>');
    for (const m of [1, -1, 3, 511, -32768, 32767, 12345]) expect(hls4mlWrittenValue(m / 1024, t)).toBe(m / 1024);
  });

  it('can move a truncated weight up one step: 2^−10 − 2^−36 is written 0.0009765625 = 2^−10, which truncates to 1 LSB, not 0', () => {
    const t = parseFixedType('ap_fixed<16,6>');
    const w = 2 ** -10 - 2 ** -36;
    expect([quantizeDouble(w, t), quantizeDouble(hls4mlWrittenValue(w, t), t)]).toEqual([0, 1]);
  });

  it('prints whole numbers for types without fraction bits', () => {
    expect(hls4mlWrittenValue(2.5, parseFixedType('ap_fixed<8,8>'))).toBe(2);
    expect(hls4mlWrittenValue(7.7, parseFixedType('ap_fixed<4,6>'))).toBe(8);
  });
});

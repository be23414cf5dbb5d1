import { describe, expect, it } from 'vitest';
import { parseFixedType } from '../../src/fixed/index.ts';
import { losslessScale } from '../../src/emulator/lossless.ts';

const scale = (from: string, to: string, nonNegative = false) => losslessScale(parseFixedType(from), parseFixedType(to), nonNegative);

describe('losslessScale', () => {
  it('rescales when the target grid is finer and its range contains the source range', () => {
    expect(scale('ap_fixed<16,6>', 'ap_fixed<16,6>')).toBe(1);
    expect(scale('ap_fixed<8,3>', 'ap_fixed<12,4>')).toBe(2 ** 3);
    expect(scale('ap_ufixed<8,3>', 'ap_fixed<9,4>')).toBe(1);
  });

  it('refuses casts that round or overflow', () => {
    expect(scale('ap_fixed<16,6>', 'ap_fixed<16,7>')).toBeUndefined(); // coarser grid
    expect(scale('ap_fixed<16,6>', 'ap_fixed<15,5>')).toBeUndefined(); // narrower range
    expect(scale('ap_fixed<16,6>', 'ap_ufixed<16,6>')).toBeUndefined(); // negative values
    expect(scale('ap_fixed<8,3>', 'ap_fixed<8,3,AP_TRN,AP_SAT_SYM>')).toBeUndefined(); // −2^(W−1) saturates to −max
  });

  it('considers only the non-negative values for relu', () => {
    expect(scale('ap_fixed<16,6>', 'ap_ufixed<15,5>', true)).toBe(1);
    expect(scale('ap_fixed<16,6>', 'ap_ufixed<14,4>', true)).toBeUndefined();
  });
});

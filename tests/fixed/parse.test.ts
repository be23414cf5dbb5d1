import { describe, expect, it } from 'vitest';
import { fixedType, formatFixedType, parseFixedType, sameFixedType } from '../../src/fixed/index.ts';

describe('parseFixedType', () => {
  it('reads the C++ spellings with default and explicit modes', () => {
    expect(parseFixedType('ap_fixed<16,6>')).toEqual(fixedType(16, 6));
    expect(parseFixedType('ap_fixed<16,6,AP_RND,AP_SAT>')).toEqual(fixedType(16, 6, { quant: 'AP_RND', overflow: 'AP_SAT' }));
    expect(parseFixedType('ap_ufixed<8,3,AP_TRN_ZERO>')).toEqual(fixedType(8, 3, { signed: false, quant: 'AP_TRN_ZERO' }));
    expect(parseFixedType('ap_fixed<12,-2>')).toEqual(fixedType(12, -2));
    expect(parseFixedType('ap_fixed<7,10>')).toEqual(fixedType(7, 10));
  });

  it('accepts whitespace and an N_saturation-bits argument of 0', () => {
    expect(parseFixedType('  ap_fixed < 8, 3, AP_RND_CONV, AP_SAT_SYM, 0 > ')).toEqual(
      fixedType(8, 3, { quant: 'AP_RND_CONV', overflow: 'AP_SAT_SYM' }),
    );
  });

  it('reads ap_int and ap_uint as integer fixed-point types', () => {
    expect(parseFixedType('ap_int<8>')).toEqual(fixedType(8, 8));
    expect(parseFixedType('ap_uint<5>')).toEqual(fixedType(5, 5, { signed: false }));
  });

  it('reads the hls4ml shorthands fixed, ufixed, int and uint, with or without the AP_ mode prefix', () => {
    expect(parseFixedType('fixed<16,6>')).toEqual(fixedType(16, 6));
    expect(parseFixedType('ufixed<10,2,RND,SAT>')).toEqual(fixedType(10, 2, { signed: false, quant: 'AP_RND', overflow: 'AP_SAT' }));
    expect(parseFixedType('int<4>')).toEqual(fixedType(4, 4));
    expect(parseFixedType('uint<32>')).toEqual(fixedType(32, 32, { signed: false }));
  });

  it('accepts widths 1 to 1024 only', () => {
    expect(parseFixedType('ap_fixed<1024,1>').width).toBe(1024);
    expect(parseFixedType('ap_fixed<1,1>').width).toBe(1);
    expect(() => parseFixedType('ap_fixed<1025,1>')).toThrow('width W must be 1 to 1024, not 1025');
    expect(() => parseFixedType('ap_fixed<0,0>')).toThrow('width W must be 1 to 1024, not 0');
  });

  it('says what was expected when the text is not a fixed-point type', () => {
    expect(() => parseFixedType('ap_fixed<16>')).toThrow(
      'ap_fixed<16> is not a valid fixed-point type: expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W>; ap_fixed takes 2 to 5 arguments, not 1',
    );
    expect(() => parseFixedType('float')).toThrow(/^float is not a valid fixed-point type: expected ap_fixed<W,I\[,Q\[,O\]\]>/);
    expect(() => parseFixedType('ap_fixed<16,6,AP_FOO>')).toThrow(
      "unknown quantization mode 'AP_FOO'; supported: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV",
    );
    expect(() => parseFixedType('ap_fixed<16,6,AP_RND,SATURATE>')).toThrow("unknown overflow mode 'SATURATE'");
    expect(() => parseFixedType('ap_fixed<16,x>')).toThrow("integer bits I must be an integer, not 'x'");
    expect(() => parseFixedType('ap_fixed<8,3,AP_RND,AP_SAT,2>')).toThrow('saturation bits N must be 0, not 2');
    expect(() => parseFixedType('ap_int<8,3>')).toThrow('int takes exactly one argument (the width), not 2');
    expect(() => parseFixedType('ap_ufixed<8,3,AP_TRN,AP_WRAP_SM>')).toThrow('AP_WRAP_SM needs a signed type');
  });
});

describe('formatFixedType', () => {
  it('writes the canonical C++ spelling without trailing default modes', () => {
    expect(formatFixedType(fixedType(16, 6))).toBe('ap_fixed<16,6>');
    expect(formatFixedType(fixedType(16, 6, { quant: 'AP_RND' }))).toBe('ap_fixed<16,6,AP_RND>');
    expect(formatFixedType(fixedType(8, 3, { signed: false, overflow: 'AP_SAT' }))).toBe('ap_ufixed<8,3,AP_TRN,AP_SAT>');
    expect(formatFixedType(parseFixedType('int<8>'))).toBe('ap_fixed<8,8>');
  });

  it('round-trips every mode combination through parseFixedType', () => {
    const quants = ['AP_TRN', 'AP_TRN_ZERO', 'AP_RND', 'AP_RND_ZERO', 'AP_RND_MIN_INF', 'AP_RND_INF', 'AP_RND_CONV'] as const;
    const overflows = ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM', 'AP_WRAP_SM'] as const;
    for (const signed of [true, false])
      for (const quant of quants)
        for (const overflow of overflows) {
          if (!signed && overflow === 'AP_WRAP_SM') continue;
          for (const [w, i] of [[16, 6], [1, -3], [40, 50], [1024, 0]]) {
            const t = fixedType(w, i, { signed, quant, overflow });
            expect(sameFixedType(parseFixedType(formatFixedType(t)), t)).toBe(true);
          }
        }
  });
});

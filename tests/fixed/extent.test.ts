import { describe, expect, it } from 'vitest';
import { typeExtent } from '../../src/fixed/extent.ts';
import { parseFixedType } from '../../src/fixed/index.ts';

/** Every value of a small type, by reading each bit pattern as a (two's complement) mantissa times 2^(I−W). */
function allValues(signed: boolean, w: number, i: number): number[] {
  const out: number[] = [];
  for (let bits = 0; bits < 2 ** w; bits++) out.push((signed && bits >= 2 ** (w - 1) ? bits - 2 ** w : bits) * 2 ** (i - w));
  return out;
}

describe('typeExtent: the magnitudes a type holds, as the report draws them', () => {
  const cases: [string, boolean, number, number][] = [
    ['ap_fixed<6,2>', true, 6, 2],
    ['ap_ufixed<6,2>', false, 6, 2],
    ['ap_fixed<8,-2>', true, 8, -2],
    ['ap_fixed<4,7>', true, 4, 7],
    ['ap_ufixed<5,0>', false, 5, 0],
    ['ap_fixed<1,1>', true, 1, 1],
  ];
  it.each(cases)('gives %s the smallest nonzero magnitude as lsb and the largest magnitude as max', (text, signed, w, i) => {
    const magnitudes = allValues(signed, w, i).map(Math.abs).filter((m) => m > 0);
    expect(typeExtent(parseFixedType(text))).toEqual({ lsb: Math.min(...magnitudes), max: Math.max(...magnitudes) });
  });

  it('stays finite for types wider than a double mantissa', () => {
    expect(typeExtent(parseFixedType('ap_fixed<80,20>'))).toEqual({ lsb: 2 ** -60, max: 2 ** 19 });
  });
});

import { describe, expect, it } from 'vitest';
import { parseFixedType } from '../../src/fixed/index.ts';
import { packSegments, segmentWords, unpackSegments } from '../../src/rtlsim/vectors.ts';

const P = parseFixedType;

describe('packed port segments', () => {
  const segs = [
    { size: 3, type: P('ap_fixed<10,4>') },
    { size: 2, type: P('ap_ufixed<7,3>') },
    { size: 4, type: P('ap_fixed<17,9>') },
  ];
  const values = [-7.5, 0.0625, 7.9375, 7.875, 0.125, -255.5, 3.25, 0, 255.99609375];

  it('puts segment after segment from the low bits, each element as its own W-bit mantissa', () => {
    const words = packSegments(values, segs);
    expect(words.length).toBe(segmentWords(segs));
    expect(segmentWords(segs)).toBe(Math.ceil((30 + 14 + 68) / 32));
    let v = 0n;
    for (let k = words.length - 1; k >= 0; k--) v = (v << 32n) | BigInt(`0x${words[k]}`);
    // bits written out by hand: element i of segment k at lo_k + i·W_k
    const field = (lo: number, w: number) => (v >> BigInt(lo)) & ((1n << BigInt(w)) - 1n);
    expect(field(0, 10)).toBe(BigInt(-7.5 * 64) & 0x3ffn);
    expect(field(20, 10)).toBe(BigInt(7.9375 * 64));
    expect(field(30, 7)).toBe(BigInt(7.875 * 16));
    expect(field(37, 7)).toBe(BigInt(0.125 * 16));
    expect(field(44, 17)).toBe(BigInt(-255.5 * 256) & 0x1ffffn);
    expect(field(44 + 3 * 17, 17)).toBe(BigInt(255.99609375 * 256));
  });

  it('reads back the exact values it packed', () => {
    expect(unpackSegments(packSegments(values, segs), segs)).toEqual(values);
  });

  it('reads back a whole image of 5000 mixed-sign values of 13 bits spread over many words', () => {
    const t = P('ap_fixed<13,5>');
    const image = Array.from({ length: 5000 }, (_, i) => (((i * 2654435761) % 8191) - 4096) / 256);
    expect(unpackSegments(packSegments(image, [{ size: 5000, type: t }]), [{ size: 5000, type: t }])).toEqual(image);
  });
});

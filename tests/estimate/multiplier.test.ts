import { describe, expect, it } from 'vitest';
import { constantMultiply, csdDigits, variableMultiply } from '../../src/estimate/multiplier.ts';

const dspSlices = (wx: number, c: number): number => {
  const p = constantMultiply(wx, c);
  return p.kind === 'dsp' ? p.slices : 0;
};

describe('where a constant multiply lands (Yosys synth_xilinx -family xcup)', () => {
  it('generates nothing for a zero weight and only a shift for a power of two', () => {
    expect(constantMultiply(16, 0).kind).toBe('none');
    for (const c of [1, 2, 4, 8, 1024]) expect(constantMultiply(16, c).kind).toBe('free');
    for (const c of [-1, -2, -8]) expect(constantMultiply(16, c).kind).toBe('negate');
  });

  it('matches the DSP counts Yosys 0.23 reported for a grid of constants and input widths', () => {
    // rows: constant; columns: input widths 3, 4, 5, 6, 8, 16, 18, 20, 27, 28 (measured, docs/estimation.md)
    const widths = [3, 4, 5, 6, 8, 16, 18, 20, 27, 28];
    const measured: [number, number[]][] = [
      [3, [0, 0, 0, 1, 1, 1, 1, 1, 1, 2]],
      [-3, [0, 0, 0, 1, 1, 1, 1, 1, 1, 2]],
      [5, [0, 0, 1, 1, 1, 1, 1, 1, 1, 2]],
      [6, [0, 0, 0, 1, 1, 1, 1, 1, 1, 2]],
      [13, [0, 1, 1, 1, 1, 1, 1, 1, 1, 2]],
      [100, [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]],
      [131071, [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]],
      [262143, [1, 1, 1, 1, 1, 1, 1, 2, 2, 4]],
    ];
    for (const [c, row] of measured) expect(widths.map((w) => dspSlices(w, c)), `constant ${c}`).toEqual(row);
  });

  it('keeps products narrower than 9 bits in LUTs and splits wide ones over several DSP slices', () => {
    expect(variableMultiply(4, 4).kind).toBe('lut');
    expect(variableMultiply(4, 5)).toEqual({ kind: 'dsp', slices: 1, a: 4, b: 5 });
    expect(variableMultiply(30, 20)).toEqual({ kind: 'dsp', slices: 4, a: 30, b: 20 });
  });
});

describe('canonical signed digits', () => {
  it('counts the non-zero digits of the shortest signed-digit form', () => {
    expect([0, 1, 2, 3, 7, 15, 5, 11, -7, 0b101101].map(csdDigits)).toEqual([0, 1, 1, 2, 2, 2, 2, 3, 2, 4]);
  });
});

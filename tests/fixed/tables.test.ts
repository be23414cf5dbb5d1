import { describe, expect, it } from 'vitest';
import {
  activationIndexer,
  expIndexer,
  expTable,
  invIndexer,
  invRange,
  invTable,
  parseFixedType,
  quantizeDouble,
  SIGMOID_RANGE,
  sigmoidTable,
  TANH_RANGE,
  tanhTable,
  toValue,
} from '../../src/fixed/index.ts';

const tableType = parseFixedType('ap_fixed<18,8,AP_RND,AP_SAT>');
const onGrid = (values: Float64Array) => values.every((v) => toValue(quantizeDouble(v, tableType), tableType) === v);
const nonDecreasing = (v: Float64Array) => v.every((x, i) => i === 0 || v[i - 1] <= x);
const nonIncreasing = (v: Float64Array) => v.every((x, i) => i === 0 || v[i - 1] >= x);

describe('lookup tables', () => {
  it('holds the sigmoid at the bin centres, quantized to the table type', () => {
    for (const n of [64, 1024, 4096]) {
      const table = sigmoidTable(n, tableType);
      expect(table.length).toBe(n);
      expect(onGrid(table)).toBe(true);
      expect(nonDecreasing(table)).toBe(true);
      const i = n / 4 + 3;
      const centre = ((i - n / 2 + 0.5) * SIGMOID_RANGE) / n;
      expect(table[i]).toBe(toValue(quantizeDouble(1 / (1 + Math.exp(-centre)), tableType), tableType));
      // symmetric bins: sigmoid(−c) = 1 − sigmoid(c) up to one table LSB
      expect(Math.abs(table[i] + table[n - 1 - i] - 1)).toBeLessThanOrEqual(2 ** -10);
    }
  });

  it('holds tanh antisymmetrically around the middle of the table', () => {
    const n = 1024;
    const table = tanhTable(n, tableType);
    expect(nonDecreasing(table)).toBe(true);
    expect(table[n / 2]).toBe(toValue(quantizeDouble(Math.tanh((0.5 * TANH_RANGE) / n), tableType), tableType));
    for (let i = 0; i < n; i++) expect(Math.abs(table[i] + table[n - 1 - i])).toBeLessThanOrEqual(2 ** -10);
  });

  it('maps a softmax difference of 0 to exactly 1 and decreases from there', () => {
    const table = expTable(1024, tableType);
    expect(table[0]).toBe(1);
    expect(nonIncreasing(table)).toBe(true);
    expect(table[128]).toBe(toValue(quantizeDouble(Math.exp(-1), tableType), tableType));
  });

  it('holds 1/s over the inverse range, clamped to 1 below s = 1', () => {
    expect([1, 2, 3, 5, 8, 9].map(invRange)).toEqual([2, 2, 4, 8, 8, 16]);
    const table = invTable(1024, 5, tableType);
    expect(table.length).toBe(1024);
    expect(table[0]).toBe(1);
    expect(table[127]).toBe(1); // (127.5 · 8 / 1024) < 1
    expect(table[128]).toBe(toValue(quantizeDouble(1 / 1.00390625, tableType), tableType));
    expect(nonIncreasing(table)).toBe(true);
    expect(onGrid(table)).toBe(true);
  });

  it('refuses table sizes that do not make the index a shift', () => {
    expect(() => sigmoidTable(1000, tableType)).toThrow('must be a power of two, not 62.5');
    expect(() => invTable(1000, 5, tableType)).toThrow('table size / inverse range (1000 / 8) must be a power of two');
  });

  it('indexes by floor of the scaled value, clamped to the table', () => {
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((0) * 2 ** 20)).toBe(512);
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((-(2 ** -7)) * 2 ** 20)).toBe(511);
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((7.99) * 2 ** 20)).toBe(1023);
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((8) * 2 ** 20)).toBe(1023);
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((-8) * 2 ** 20)).toBe(0);
    expect(activationIndexer(1024, SIGMOID_RANGE, 20)((-100) * 2 ** 20)).toBe(0);
    expect(expIndexer(1024, 20)(-(0) * 2 ** 20)).toBe(0);
    expect(expIndexer(1024, 20)(-(-1) * 2 ** 20)).toBe(128);
    expect(expIndexer(1024, 20)(-(-9) * 2 ** 20)).toBe(1023);
    expect(invIndexer(1024, 8, 20)((1) * 2 ** 20)).toBe(128);
    expect(invIndexer(1024, 8, 20)((100) * 2 ** 20)).toBe(1023);
  });
});

import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/csim/index.ts';

describe('compareResults', () => {
  const predictions = '1 2 3 4 5\n6 7 8 9 10\n';

  it('counts every value of every row, exactly', () => {
    const r = compareResults('1 2 3 4 5\n6 7 8 9 10.000000000000002\n', predictions, 5);
    expect(r).toMatchObject({ samples: 2, outputsCompared: 10, mismatches: 1 });
    expect(r.firstMismatches).toEqual([{ sample: 1, output: 4, csim: 10.000000000000002, expected: 10 }]);
  });

  it('names the output port and element of a mismatch when a row holds several ports', () => {
    const r = compareResults('1 2 0 4 5\n6 7 8 9 0\n', predictions, 5, [{ name: 'layer4_out', size: 2 }, { name: 'layer9_out', size: 3 }]);
    expect(r.firstMismatches.map((m) => [m.sample, m.output, m.port, m.element])).toEqual([[0, 2, 'layer9_out', 0], [1, 4, 'layer9_out', 2]]);
  });

  it('counts a missing row or value as a mismatch', () => {
    const r = compareResults('1 2 3 4\n', predictions, 5);
    expect(r.mismatches).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { verilogComment, verilogIdentifier } from '../../../src/backends/rtl/names.ts';

describe('Verilog names', () => {
  it('turns any model name into a safe identifier', () => {
    expect(verilogIdentifier('dense 1/../x')).toBe('dense_1_x');
    expect(verilogIdentifier('1st')).toBe('n_1st');
    expect(verilogIdentifier('module')).toBe('module_v');
    expect(verilogIdentifier('clk')).toBe('clk_v');
    expect(verilogIdentifier('$$$')).toBe('unnamed');
    expect(verilogIdentifier('__a__b__')).toBe('a_b');
  });

  it('makes identifiers unique within a scope', () => {
    const taken = new Set<string>();
    expect([verilogIdentifier('a-b', taken), verilogIdentifier('a b', taken), verilogIdentifier('a_b', taken)]).toEqual(['a_b', 'a_b_2', 'a_b_3']);
  });

  it('keeps comment text from closing the comment or starting a directive', () => {
    const c = verilogComment('x */ `define y \n /* z \\');
    expect(c).not.toMatch(/\*\/|\/\*|`|\n|\\/);
  });
});

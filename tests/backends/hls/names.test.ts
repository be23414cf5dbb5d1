import { describe, expect, it } from 'vitest';
import { cppComment, cppIdentifier } from '../../../src/backends/hls/names.ts';

const VALID = /^[A-Za-z][A-Za-z0-9_]*$/;

describe('cppIdentifier', () => {
  it.each([
    ['../../x', 'x_'],
    ['dense 1', 'dense_1'],
    ['1abc', 'n_1abc'],
    ['int', 'int_'],
    ['a*/b', 'a_b'],
    ['__init__', 'init'],
    ['', 'unnamed'],
    ['dense/MatMul:0', 'dense_MatMul_0'],
    ['été', 't'],
  ])('turns %j into the safe identifier %j', (name, id) => {
    expect(cppIdentifier(name)).toBe(id);
    expect(id).toMatch(VALID);
  });

  it('never produces the reserved double underscore or a leading underscore', () => {
    for (const name of ['a__b', '_x', '__', 'x___', '-a', '9']) {
      const id = cppIdentifier(name);
      expect(id).toMatch(VALID);
      expect(id).not.toContain('__');
    }
  });

  it('keeps identifiers unique within a scope', () => {
    const scope = new Set<string>();
    const ids = ['dense 1', 'dense-1', 'dense_1', 'dense_1_2'].map((n) => cppIdentifier(n, scope));
    expect(ids).toEqual(['dense_1', 'dense_1_2', 'dense_1_3', 'dense_1_2_2']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('cppComment', () => {
  it('cannot close a block comment or open one', () => {
    expect(cppComment('a*/b')).not.toContain('*/');
    expect(cppComment('a/*b')).not.toContain('/*');
  });

  it('keeps a // comment on one line: no newline, no backslash continuation, no ??/ trigraph', () => {
    const text = cppComment('x\ny\r\\ z ??/ ???');
    expect(text).not.toMatch(/[\n\r\\]/);
    expect(text).not.toContain('??');
  });

  it('leaves ordinary names readable', () => {
    expect(cppComment("layer 2 'dense_1' (dense)")).toBe("layer 2 'dense_1' (dense)");
  });
});

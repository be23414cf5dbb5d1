import { describe, expect, it } from 'vitest';
import { sleb, uleb, wasmModule } from '../../../src/emulator/wasm/encode.ts';

describe('wasm encoding', () => {
  it('writes unsigned and signed LEB128 as the binary format specifies', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it('builds a valid module that exports its memory and functions', () => {
    const m = wasmModule([{ name: 'nothing', params: 2, locals: [], code: [] }], 2);
    const names = WebAssembly.Module.exports(m).map((e) => `${e.kind}:${e.name}`);
    expect(names).toEqual(['memory:memory', 'function:nothing']);
    const memory = new WebAssembly.Instance(m).exports.memory as WebAssembly.Memory;
    expect(memory.buffer.byteLength).toBe(2 * 65536);
  });
});

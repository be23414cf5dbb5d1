/**
 * A minimal WebAssembly binary writer: just enough for the emulator's SIMD kernels (one memory, functions with i32
 * parameters, no imports). Kernels are built as opcode byte arrays by ./body.ts and compiled synchronously.
 */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export interface WasmFunction {
  readonly name: string;
  readonly params: number;
  /** extra locals after the i32 parameters, as [count, type] runs */
  readonly locals: readonly (readonly [number, number])[];
  /** the instructions, without the final `end` */
  readonly code: readonly number[];
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** A module exporting one memory ("memory", `pages` × 64 KiB initially) and the given void functions. */
export function wasmModule(functions: readonly WasmFunction[], pages = 1): WebAssembly.Module {
  const types = functions.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [I32])), 0]);
  const bodies = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.code, 0x0b];
    return [...uleb(body.length), ...body];
  });
  const exports = [[...name('memory'), 2, 0], ...functions.map((f, i) => [...name(f.name), 0, ...uleb(i)])];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ];
  return new WebAssembly.Module(new Uint8Array(bytes));
}

import { sleb, uleb } from './encode.ts';

/** Opcodes used by the kernels: core ones are one byte, SIMD ones follow the 0xfd prefix (as LEB128). */
const CORE = {
  block: 0x02, loop: 0x03, br_if: 0x0d, 'local.get': 0x20, 'local.set': 0x21, 'local.tee': 0x22,
  'i32.const': 0x41, 'i32.eqz': 0x45, 'i32.ne': 0x47, 'i32.add': 0x6a, 'i32.sub': 0x6b, 'i32.mul': 0x6c, 'i32.shl': 0x74,
} as const;
const SIMD = {
  'v128.load': 0x00, 'v128.load32_splat': 0x09, 'v128.load64_splat': 0x0a, 'v128.store': 0x0b, 'v128.const': 0x0c,
  'i32x4.splat': 0x11, 'i32x4.eq': 0x37, 'i32x4.ne': 0x38, 'i32x4.lt_s': 0x39, 'i32x4.gt_s': 0x3b,
  'v128.and': 0x4e, 'v128.andnot': 0x4f, 'v128.or': 0x50,
  'i32x4.shl': 0xab, 'i32x4.shr_s': 0xac, 'i32x4.add': 0xae, 'i32x4.sub': 0xb1, 'i32x4.mul': 0xb5,
  'i32x4.min_s': 0xb6, 'i32x4.max_s': 0xb8, 'f64x2.add': 0xf0, 'f64x2.mul': 0xf2,
} as const;
type Op = keyof typeof CORE | keyof typeof SIMD;
const MEMORY = new Set<Op>(['v128.load', 'v128.load32_splat', 'v128.load64_splat', 'v128.store']);

/** Instruction stream of one function body; memory operands take (offset, log2 alignment). */
export class Body {
  readonly code: number[] = [];

  op(name: Op, ...immediates: number[]): this {
    if (name in SIMD) this.code.push(0xfd, ...uleb(SIMD[name as keyof typeof SIMD]));
    else this.code.push(CORE[name as keyof typeof CORE]);
    if (MEMORY.has(name)) {
      const [offset = 0, align = 0] = immediates;
      this.code.push(...uleb(align), ...uleb(offset));
    } else if (name === 'i32.const') this.code.push(...sleb(immediates[0]));
    else if (name === 'v128.const') this.code.push(...immediates);
    else if (name === 'block' || name === 'loop') this.code.push(0x40);
    else this.code.push(...immediates.flatMap((i) => uleb(i)));
    return this;
  }

  get(local: number): this {
    return this.op('local.get', local);
  }

  set(local: number): this {
    return this.op('local.set', local);
  }

  /** local += n (i32) */
  bump(local: number, n: number | { local: number }): this {
    this.get(local);
    if (typeof n === 'number') this.op('i32.const', n);
    else this.get(n.local);
    return this.op('i32.add').set(local);
  }

  end(): this {
    this.code.push(0x0b);
    return this;
  }
}

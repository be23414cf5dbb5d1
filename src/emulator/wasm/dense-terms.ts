import type { Body } from './body.ts';
import { wasmModule } from './encode.ts';
import { denseLoop, type TermLocals } from './dense-loop.ts';

/** Float dense: acc_j = fl(acc_j + fl(x_i · w_ij)), exactly the scalar double operations, two lanes per vector. */
function floatTerm(b: Body, { acc, xs, wp, k }: TermLocals): void {
  b.get(acc).get(xs).get(wp).op('v128.load', 16 * k).op('f64x2.mul').op('f64x2.add').set(acc);
}

/**
 * Integer dense on the accumulator grid, four 32-bit lanes per vector (the caller proves every value exact):
 *   q = (x · w' + add) >> shift            the quantized product R(x·w) in accum LSBs
 *   t = acc + q                            = R(acc + x·w) when R commutes with integer shifts (AP_TRN, AP_RND,
 *                                            AP_RND_MIN_INF), or when shift = 0 (no rounding)
 *   acc = overflow(t); count += (acc ≠ t)  one count per cast that wrapped or saturated
 */
export interface IntDenseConfig {
  readonly shift: number;
  readonly add: number;
  /** accum range: min ≤ acc ≤ max */
  readonly min: number;
  readonly max: number;
  readonly overflow: 'wrap-signed' | 'wrap-unsigned' | 'saturate' | 'saturate-zero';
  /** bits of the accumulator (wrapping) */
  readonly width: number;
}

const splat32 = (n: number): number[] => {
  const bytes = new Uint8Array(new Int32Array([n, n, n, n]).buffer);
  return Array.from(bytes);
};

function intTerm(c: IntDenseConfig): (b: Body, at: TermLocals) => void {
  return (b, { acc, xs, wp, k, t, mask, count }) => {
    b.get(acc).get(xs).get(wp).op('v128.load', 16 * k).op('i32x4.mul');
    if (c.add) b.op('v128.const', ...splat32(c.add)).op('i32x4.add');
    if (c.shift) b.op('i32.const', c.shift).op('i32x4.shr_s');
    b.op('i32x4.add').set(t);
    switch (c.overflow) {
      case 'wrap-signed': // sign-extend the low W bits
        b.get(count).get(t).op('i32.const', 32 - c.width).op('i32x4.shl').op('i32.const', 32 - c.width).op('i32x4.shr_s');
        break;
      case 'wrap-unsigned':
        b.get(count).get(t).op('v128.const', ...splat32(c.max)).op('v128.and');
        break;
      case 'saturate':
        b.get(count).get(t).op('v128.const', ...splat32(c.min)).op('i32x4.max_s').op('v128.const', ...splat32(c.max)).op('i32x4.min_s');
        break;
      case 'saturate-zero':
        b.get(t).op('v128.const', ...splat32(c.max)).op('i32x4.gt_s');
        b.get(t).op('v128.const', ...splat32(c.min)).op('i32x4.lt_s').op('v128.or').set(mask);
        b.get(count).get(t).get(mask).op('v128.andnot');
        break;
    }
    // stack: count, acc' — acc = acc'; count −= (acc' ≠ t ? −1 : 0)
    b.op('local.tee', acc).get(t).op('i32x4.ne').op('i32x4.sub').set(count);
  };
}

let floatModule: WebAssembly.Module | undefined;
const intModules = new Map<string, WebAssembly.Module>();

export const floatDenseModule = (): WebAssembly.Module =>
  (floatModule ??= wasmModule([denseLoop({ name: 'dense', elementBytes: 8, term: floatTerm })]));

export function intDenseModule(c: IntDenseConfig): WebAssembly.Module {
  const key = JSON.stringify(c);
  let m = intModules.get(key);
  if (!m) intModules.set(key, (m = wasmModule([denseLoop({ name: 'dense', elementBytes: 4, term: intTerm(c) })])));
  return m;
}

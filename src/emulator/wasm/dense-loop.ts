import { Body } from './body.ts';
import { I32, V128, type WasmFunction } from './encode.ts';

/**
 * The loop nest shared by the SIMD dense kernels, as a void function of eight i32 parameters
 *   (x, w, b, y, counts, rows, nIn, nOutPad)   — pointers are byte offsets into the module's memory
 * with x[rows][nIn], w[nIn][nOutPad], b[nOutPad], y[rows][nOutPad], nOutPad a multiple of 8, nIn ≥ 1 and rows a
 * positive multiple of ROWS (the caller pads with zero rows). For every ROWS rows and every block of 8 outputs, the
 * block's accumulators start at b and take the terms i = 0, 1, … in ascending order — the order of
 * docs/arithmetic.md — each lane being one output j of one row. `term` emits the update of one accumulator from a
 * broadcast input and the weights at WP + 16k.
 */
export const ROWS = 2;
export const P = { x: 0, w: 1, b: 2, y: 3, counts: 4, rows: 5, nIn: 6, nOutPad: 7 } as const;
const I32_LOCALS = { jb: 8, xp: 9, wp: 10, xEnd: 11, xStride: 12, wStride: 13 } as const;
const FIRST_V128 = 14;

export interface TermLocals {
  /** the accumulator to update */
  readonly acc: number;
  /** the broadcast input x_i of the accumulator's row */
  readonly xs: number;
  /** scratch v128 locals, and the per-lane overflow counter */
  readonly t: number;
  readonly mask: number;
  readonly count: number;
  /** weight pointer: the accumulator's weights are at WP + 16k */
  readonly wp: number;
  readonly k: number;
}

export interface LoopSpec {
  readonly name: string;
  /** bytes per element: 8 (f64 lanes) or 4 (i32 lanes) */
  readonly elementBytes: 4 | 8;
  term(body: Body, at: TermLocals): void;
}

export function denseLoop(spec: LoopSpec): WasmFunction {
  const b = new Body();
  const { jb, xp, wp, xEnd, xStride, wStride } = I32_LOCALS;
  const log2 = spec.elementBytes === 8 ? 3 : 2;
  const vectors = spec.elementBytes / 2; // 8 outputs per block = 4 f64x2 or 2 i32x4
  const acc = (r: number, k: number) => FIRST_V128 + r * vectors + k;
  const xs = FIRST_V128 + ROWS * vectors;
  const [t, mask, count] = [xs + ROWS, xs + ROWS + 1, xs + ROWS + 2];
  const splat = spec.elementBytes === 8 ? 'v128.load64_splat' : 'v128.load32_splat';
  b.get(P.nIn).op('i32.const', log2).op('i32.shl').set(xStride);
  b.get(P.nOutPad).op('i32.const', log2).op('i32.shl').set(wStride);
  b.op('v128.const', ...new Array(16).fill(0)).set(count);
  b.op('loop'); // ROWS rows at a time
  b.op('i32.const', 0).set(jb);
  b.op('loop'); // blocks of 8 outputs
  for (let r = 0; r < ROWS; r++)
    for (let k = 0; k < vectors; k++) b.get(P.b).get(jb).op('i32.add').op('v128.load', 16 * k).set(acc(r, k));
  b.get(P.x).set(xp);
  b.get(P.x).get(xStride).op('i32.add').set(xEnd);
  b.get(P.w).get(jb).op('i32.add').set(wp);
  b.op('loop'); // terms i ascending
  for (let r = 0; r < ROWS; r++) {
    b.get(xp);
    if (r) b.get(xStride).op('i32.const', r).op('i32.mul').op('i32.add');
    b.op(splat).set(xs + r);
  }
  for (let k = 0; k < vectors; k++)
    for (let r = 0; r < ROWS; r++) spec.term(b, { acc: acc(r, k), xs: xs + r, t, mask, count, wp, k });
  b.bump(xp, spec.elementBytes).bump(wp, { local: wStride });
  b.get(xp).get(xEnd).op('i32.ne').op('br_if', 0).end();
  for (let r = 0; r < ROWS; r++)
    for (let k = 0; k < vectors; k++) {
      b.get(P.y).get(jb).op('i32.add');
      if (r) b.get(wStride).op('i32.const', r).op('i32.mul').op('i32.add');
      b.get(acc(r, k)).op('v128.store', 16 * k);
    }
  b.bump(jb, 8 * spec.elementBytes); // next block of 8 outputs
  b.get(jb).get(wStride).op('i32.ne').op('br_if', 0).end();
  b.get(P.y).get(wStride).op('i32.const', ROWS).op('i32.mul').op('i32.add').set(P.y);
  b.get(P.x).get(xStride).op('i32.const', ROWS).op('i32.mul').op('i32.add').set(P.x);
  b.get(P.rows).op('i32.const', ROWS).op('i32.sub').op('local.tee', P.rows).op('br_if', 0).end();
  b.get(P.counts).get(count).op('v128.store');
  return { name: spec.name, params: 8, locals: [[6, I32], [ROWS * vectors + ROWS + 3, V128]], code: b.code };
}

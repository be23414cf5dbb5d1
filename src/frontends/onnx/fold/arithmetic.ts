import type { OpContext } from '../op-context.ts';
import type { ConstTensor } from '../tensor.ts';
import { broadcastDims, broadcastIndex } from './broadcast.ts';
import { constant, required, type Fold } from './fold.ts';

/**
 * Elementwise ops on constants with numpy broadcasting, computed in double. Integer tensors (shape arithmetic) stay
 * integers: Div truncates toward zero, as ONNX integer division does.
 */
function nary(f: (a: number, b: number, integer: boolean) => number): Fold {
  return (xs, ctx) => {
    const ts = xs.map((x, i) => required(xs, i, ctx, `operand ${i}`));
    return combine(ts, ctx, f);
  };
}

function combine(ts: readonly ConstTensor[], ctx: OpContext, f: (a: number, b: number, integer: boolean) => number): ConstTensor {
  const dims = broadcastDims(ts.map((t) => t.dims), ctx.where);
  const integer = ts.every((t) => t.integer);
  const at = ts.map((t) => broadcastIndex(dims, t.dims));
  const data = Float64Array.from(at[0], (i) => ts[0].data[i]);
  for (let k = 1; k < ts.length; k++) for (let j = 0; j < data.length; j++) data[j] = f(data[j], ts[k].data[at[k][j]], integer);
  return constant(dims, data, integer);
}

/** `keepsIntegers`: an integer input gives an integer result (Neg, Abs), else the result is real (Sqrt). */
const unary = (f: (a: number) => number, keepsIntegers = true): Fold => (xs, ctx) => {
  const x = required(xs, 0, ctx, 'input');
  return constant(x.dims, x.data.map(f), keepsIntegers && x.integer);
};

export const ARITHMETIC_FOLDS: Readonly<Record<string, Fold>> = {
  Add: nary((a, b) => a + b),
  Sub: nary((a, b) => a - b),
  Mul: nary((a, b) => a * b),
  Div: nary((a, b, integer) => (integer ? Math.trunc(a / b) : a / b)),
  Pow: nary((a, b) => a ** b),
  Max: nary((a, b) => Math.max(a, b)),
  Min: nary((a, b) => Math.min(a, b)),
  Sum: nary((a, b) => a + b),
  Mean: (xs, ctx) => {
    const s = nary((a, b) => a + b)(xs, ctx);
    return constant(s.dims, s.data.map((v) => v / xs.length));
  },
  Neg: unary((a) => -a),
  Abs: unary(Math.abs),
  Sqrt: unary(Math.sqrt, false),
  Reciprocal: unary((a) => 1 / a, false),
};

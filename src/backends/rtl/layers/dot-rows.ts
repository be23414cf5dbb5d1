import { fracBits } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import type { Fx } from '../netlist/fx.ts';
import { columnProducts, type Ranged } from '../cmm/products.ts';
import type { Sig } from '../netlist/netlist.ts';
import { chain, tree } from './accumulate.ts';
import type { DenseConstants } from './dense-constants.ts';
import { fxWidth } from './ports.ts';

/**
 * One dense product of a layer (docs/arithmetic.md): the dense layer itself, or one output position of a convolution
 * over its im2col vector, or one (position, channel) of a depthwise convolution. `xs[i]` is input element i of the
 * product, `undefined` for a padding tap (an exact 0: it adds nothing and generates no hardware).
 */
export interface DotRow {
  readonly xs: readonly (Fx | undefined)[];
  readonly k: DenseConstants;
  /** prefix of the row's signal names ('' for a dense layer) */
  readonly hint: string;
  /** LUTs one DSP48E2 slice is worth when choosing each constant multiplier (cmm/cost.ts; default 55, Infinity: no DSP) */
  readonly dspCost?: number;
}

/**
 * Reuse factor 1: the row's constant matrix-vector product (cmm/products.ts): per input column the exact products
 * x_i · w_ij of its non-zero weights, each a multiply cell or a shift-add over subexpressions shared by the column,
 * whichever the cost model prefers (zero weights and padding inputs: no hardware; ±2^k: a shift, or −x once per input);
 * then per output an adder tree of exactly wide partial sums (order-free accum) or the exact ascending chain of
 * add+cast stages, then Q_result. Returns y_0 … y_(nOut−1).
 */
export function parallelRow(b: ModuleBuilder, row: DotRow): Sig[] {
  const { xs, k, hint } = row;
  const products = xs.map((x, i) => {
    if (!x) return undefined;
    const column = Array.from({ length: k.nOut }, (_, j) => k.weight[i * k.nOut + j]);
    // named after the input signal (`fc1_x4_c89` = x4 · 89): rows reading the same input share them
    return columnProducts(b, x, column, fracBits(k.weightType), x.sig.name, row.dspCost);
  });
  const ys: Sig[] = [];
  for (let j = 0; j < k.nOut; j++) {
    const terms: Ranged[] = [];
    const inputsOf: number[] = [];
    for (let i = 0; i < k.nIn; i++) {
      const w = k.weight[i * k.nOut + j];
      const p = products[i];
      if (w !== 0 && p) {
        terms.push(p.get(w)!);
        inputsOf.push(i);
      }
    }
    const init: Fx = { sig: b.constant(BigInt(k.accInit[j]), fxWidth(k.accum), true), frac: fracBits(k.accum) };
    const fxs = terms.map((t) => t.fx);
    // neuron j: `<hint>n<j>_p<i>` its terms, `_l<d>_<k>` tree sums or `_q<i>`/`_s<i>`/`_a<i>` chain steps, `_acc`, `_y`
    const n = `${hint}n${j}`;
    const acc = k.orderFree ? tree(b, init, fxs, k.accum, n, { ranges: terms, labels: inputsOf }) : chain(b, init, fxs, k.accum, n, { labels: inputsOf, castTerms: k.castProducts });
    ys.push(castFx(b, acc, k.result, `${n}_y`).sig);
  }
  return ys;
}

/** Multipliers parallelRow builds: non-zero weights whose input is not padding. */
export function parallelMultipliers(row: Pick<DotRow, 'xs' | 'k'>): number {
  let n = 0;
  for (let i = 0; i < row.k.nIn; i++) if (row.xs[i]) for (let j = 0; j < row.k.nOut; j++) if (row.k.weight[i * row.k.nOut + j] !== 0) n++;
  return n;
}

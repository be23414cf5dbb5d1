import { fracBits } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { chain, tree } from './accumulate.ts';
import type { DenseConstants } from './dense-constants.ts';
import { constOf } from './elementwise.ts';
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
}

/**
 * Reuse factor 1: one constant multiplier per non-zero weight with a non-padding input, then per output an adder tree
 * (order-free accum) or the exact ascending chain of add+cast stages, then Q_result. Returns y_0 … y_(nOut−1).
 */
export function parallelRow(b: ModuleBuilder, row: DotRow): Sig[] {
  const { xs, k, hint } = row;
  const ys: Sig[] = [];
  for (let j = 0; j < k.nOut; j++) {
    const terms: Fx[] = [];
    for (let i = 0; i < k.nIn; i++) {
      const w = k.weight[i * k.nOut + j];
      const x = xs[i];
      if (w !== 0 && x) terms.push(mulFx(b, x, constOf(b, w, k.weightType), `${hint}p${i}_${j}`));
    }
    const init: Fx = { sig: b.constant(BigInt(k.accInit[j]), fxWidth(k.accum), true), frac: fracBits(k.accum) };
    const acc = (k.orderFree ? tree : chain)(b, init, terms, k.accum, `${hint}o${j}`);
    ys.push(castFx(b, acc, k.result, `${hint}y${j}`).sig);
  }
  return ys;
}

/** Multipliers parallelRow builds: non-zero weights whose input is not padding. */
export function parallelMultipliers(row: Pick<DotRow, 'xs' | 'k'>): number {
  let n = 0;
  for (let i = 0; i < row.k.nIn; i++) if (row.xs[i]) for (let j = 0; j < row.k.nOut; j++) if (row.k.weight[i * row.k.nOut + j] !== 0) n++;
  return n;
}

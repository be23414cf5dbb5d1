import { activationTable, Caster, fracBits, quantizeDouble, tableFunction } from '../../fixed/index.ts';
import type { LayerOf } from '../../ir/layers.ts';
import { mapFloat } from '../elementwise.ts';
import { castProduct } from '../exact.ts';
import type { Kernel } from '../kernel.ts';
import { need, single } from '../precision.ts';
import { tableStep, type ExactBranchStep } from './activation-table.ts';

type TableKind = 'elu' | 'selu' | 'softplus' | 'softsign' | 'silu';

/**
 * elu, selu, softplus, softsign, silu (docs/arithmetic.md, "More activations by lookup table"):
 *   y = Q_result(table[clamp(floor(x · 2^k) + N/2, 0, N−1)]), except in the exact branch:
 *   elu x ≥ 0: Q_result(x);  selu x ≥ 0: Q_result(λq · x);  softplus, silu x ≥ R/2: Q_result(x).
 */
function tableKernel<K extends TableKind>(): Kernel<K> {
  return {
    fixed(layer, inputs, counters) {
      const l = layer as LayerOf<TableKind>;
      const inType = single(l, inputs);
      const result = need(l, 'result');
      const fn = tableFunction(l);
      const table = activationTable(l, l.tableSize, need(l, 'table'));
      const stats = counters.stats('result');
      const inFrac = fracBits(inType);
      let exact: ExactBranchStep | undefined;
      const paramOverflows = { overflows: 0 };
      if (l.kind === 'selu') {
        const param = need(l, 'param');
        const lambda = quantizeDouble(l.scale, param, paramOverflows);
        const caster = new Caster(inFrac + fracBits(param), result, stats);
        exact = { from: 0, value: (m) => castProduct(lambda, m, caster) };
      } else if (fn.exact !== 'none') {
        const caster = new Caster(inFrac, result, stats);
        // x ≥ R/2 ⇔ m ≥ ceil(R/2 · 2^F) for an integer mantissa m
        const from = fn.exact === 'nonnegative' ? 0 : Math.ceil((fn.range / 2) * 2 ** inFrac);
        exact = { from, value: (m) => caster.cast(m) };
      }
      const step = tableStep(inType, result, table, fn.range, counters, exact);
      return {
        type: result,
        begin() {
          if (l.kind === 'selu') counters.stats('param').overflows += paramOverflows.overflows;
        },
        run: (xs, batch) => step.run(xs, batch),
      };
    },
    float: (layer, [x], _batch, out) => mapFloat(x, tableFunction(layer as LayerOf<TableKind>).f, out),
  };
}

export const elu = tableKernel<'elu'>();
export const selu = tableKernel<'selu'>();
export const softplus = tableKernel<'softplus'>();
export const softsign = tableKernel<'softsign'>();
export const silu = tableKernel<'silu'>();

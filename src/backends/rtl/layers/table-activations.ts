import { activationTable, fracBits, indexShift, log2Exact, quantizeDouble, tableFunction } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { castFx } from '../netlist/cast.ts';
import { mulFx } from '../netlist/fx.ts';
import { combLayer } from './comb-layer.ts';
import { constOf, need } from './elementwise.ts';
import { signedConst } from './exact-activations.ts';
import { clampIndex, floorShift, romOf } from './tables.ts';
import type { LayerContext, LayerHardware } from './types.ts';

type TableKind = 'elu' | 'selu' | 'softplus' | 'softsign' | 'silu';

/**
 * elu, selu, softplus, softsign, silu (docs/arithmetic.md): index = clamp(floor(x · 2^k) + N/2, 0, N−1) into a ROM of
 * the result casts Q_result(table[i]) (contents from src/fixed/tables.ts), except in the exact branch:
 * elu x ≥ 0: Q_result(x); selu x ≥ 0: Q_result(λq · x); softplus, silu x ≥ R/2: Q_result(x).
 */
export function tableActivation(layer: LayerOf<TableKind>, ctx: LayerContext): LayerHardware {
  const n = layer.tableSize;
  const fn = tableFunction(layer);
  const k = indexShift(n, fn.range);
  const res = layer.precision.result;
  const table = activationTable(layer, n, need(layer, 'table'));
  const rom = romOf(`${layer.kind}_table`, table.map((v) => quantizeDouble(v, res) * 2 ** -fracBits(res)), res, `Q_result(${layer.kind} table[i]), ${n} entries, x range ${fn.range}`);
  const inFrac = fracBits(ctx.inType);
  // the exact branch starts at mantissa `from`: 0 (x ≥ 0) or ceil(R/2 · 2^F) (x ≥ R/2)
  const from = fn.exact === 'nonnegative' ? 0n : inFrac >= 0 ? BigInt(fn.range / 2) << BigInt(inFrac) : BigInt(Math.ceil((fn.range / 2) * 2 ** inFrac));
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const idx = b.add(floorShift(b, x, k, `fl${i}`), b.constant(BigInt(n / 2), log2Exact(n, 'table size') + 1, true), `idx${i}`);
      const looked = b.rom(rom, clampIndex(b, idx, n, `addr${i}`), true, `t${i}`);
      if (fn.exact === 'none') return looked;
      const exact = layer.kind === 'selu' ? mulFx(b, x, constOf(b, quantizeDouble(layer.scale, need(layer, 'param')), need(layer, 'param')), `lx${i}`) : x;
      const inBranch = b.gt(x.sig, signedConst(b, from - 1n), `ex${i}`);
      return b.mux(inBranch, castFx(b, exact, res, `c${i}`).sig, looked, `y${i}`);
    }),
  );
}

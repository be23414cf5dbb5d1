import { castFx } from '../netlist/cast.ts';
import { addFx, mulFx } from '../netlist/fx.ts';
import { combLayerN } from './comb-layer.ts';
import { tree } from './merge.ts';
import type { RtlLayer } from './types.ts';

/**
 * dot: y = Q_result(Σ_i a_i · b_i). One variable multiplier per element (exact product, grid F_a + F_b), a balanced
 * tree of exact sums (each one bit wider: the order cannot matter), then the one cast; pipelined by the scheduler.
 */
export const dot: RtlLayer<'dot'> = (layer, ctx) => {
  const n = ctx.inSize;
  const res = layer.precision.result;
  return combLayerN(
    layer,
    ctx,
    { type: res, size: 1 },
    (b, [a, w]) => {
      const products = a.map((x, i) => mulFx(b, x, w[i], `p${i}`));
      return [castFx(b, tree(products, (x, y) => addFx(b, x, y, 's')), res, 'y0').sig];
    },
    [`dot of two ${n}-element vectors: ${n} multipliers, exact sum, then Q_result`],
  );
};

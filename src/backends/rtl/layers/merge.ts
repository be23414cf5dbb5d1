import type { MergeOp } from '../../../ir/layers.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, align, maxFx, minFx, mulFx, type Fx } from '../netlist/fx.ts';
import { combLayerN } from './comb-layer.ts';
import type { RtlLayer } from './types.ts';

/**
 * merge (docs/arithmetic.md "Merges"): y_i = Q_result(op(x0_i, x1_i, …)) with the op exact. Every netlist signal is
 * exactly wide enough (a sum grows one bit, a product sums the widths, fx.ts), so:
 * add = a balanced tree of exact sums on the finest input grid; subtract = x0 − x1; average = the exact sum read
 * log2(N) bits finer (N is a power of two, checked by verify); multiply = a balanced tree of exact products (grid Σ F_k);
 * maximum/minimum = a tree of exact comparisons. Then the one cast.
 */
export const merge: RtlLayer<'merge'> = (layer, ctx) => {
  const n = ctx.inputs.length;
  const size = ctx.inSize;
  return combLayerN(
    layer,
    ctx,
    { type: layer.precision.result, size },
    (b, xss) => Array.from({ length: size }, (_, i) => castFx(b, combine(b, layer.op, xss.map((xs) => xs[i]), `m${i}`), layer.precision.result, `y${i}`).sig),
    [`merge ${layer.op} of ${n} inputs, ${size} elements each: exact ${layer.op} then Q_result`],
  );
};

function combine(b: ModuleBuilder, op: MergeOp, xs: Fx[], hint: string): Fx {
  switch (op) {
    case 'add':
      return tree(xs, (x, y) => addFx(b, x, y, hint));
    case 'subtract': {
      // x0 − (x1 + … ): exact, so equal to the left-to-right difference
      const rest = tree(xs.slice(1), (x, y) => addFx(b, x, y, hint));
      const frac = Math.max(xs[0].frac, rest.frac);
      return { sig: b.sub(align(b, xs[0], frac).sig, align(b, rest, frac).sig, hint), frac };
    }
    case 'average': {
      const sum = tree(xs, (x, y) => addFx(b, x, y, hint));
      return { sig: sum.sig, frac: sum.frac + Math.log2(xs.length) };
    }
    case 'multiply':
      return tree(xs, (x, y) => mulFx(b, x, y, hint));
    case 'maximum':
      return tree(xs, (x, y) => maxFx(b, x, y, hint));
    case 'minimum':
      return tree(xs, (x, y) => minFx(b, x, y, hint));
  }
}

/** A balanced tree of a binary operation, pairing neighbours level by level. */
export function tree(xs: readonly Fx[], f: (x: Fx, y: Fx) => Fx): Fx {
  let level = [...xs];
  while (level.length > 1) {
    const next: Fx[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? f(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

import { fail } from '../diagnostics/diagnostic.ts';
import { formatFixedType, fracBits, type FixedType } from '../fixed/index.ts';
import type { Graph } from '../ir/graph.ts';
import type { PrecisionVar } from '../ir/layers.ts';
import { maxMagnitude } from '../emulator/exact.ts';
import { isRecurrent } from '../ir/recurrent.ts';

/**
 * The widths the bit-exact emulator computes exactly: layer results, weights, biases, scales and lookup tables are
 * held as integer mantissas in doubles (53 bits); dense accumulators switch to BigInt and may be any width the
 * headers take. Wider types are refused up front, naming the key and the limit, instead of failing inside the emulator.
 */
export const MAX_EXACT_WIDTH = 53;

/** The precision variables with no BigInt path (every one but `accum`). */
const isNumberPath = (v: string): boolean => v !== 'accum' && v !== 'maximum';

/** A type given in the configuration under `key` for variable `variable` (`default` sets them all). */
export function checkConfiguredWidth(t: FixedType, variable: string, file: string | undefined, key: string): void {
  if (!isNumberPath(variable) || t.width <= MAX_EXACT_WIDTH) return;
  throw fail(
    'unsupported-precision',
    { file, key },
    `must be at most ${MAX_EXACT_WIDTH} bits wide, not ${formatFixedType(t)} (${t.width} bits); only accum may be wider (up to 1024 bits)`,
  );
}

/** The configured graph, before emulation: every number-path type and the softmax sum fit in 53 bits. */
export function checkEmulatorLimits(g: Graph): void {
  for (const l of g.layers) {
    const where = (v: PrecisionVar) => ({ file: g.file, layer: l.name, op: l.origin?.op ?? l.kind, key: `Precision.${v}` });
    for (const [v, t] of Object.entries(l.precision) as [PrecisionVar, FixedType | undefined][]) {
      if (t && isNumberPath(v) && t.width > MAX_EXACT_WIDTH)
        throw fail('unsupported-precision', where(v), `must be at most ${MAX_EXACT_WIDTH} bits wide, not ${formatFixedType(t)} (${t.width} bits)`);
    }
    const accum = l.precision.accum;
    if (isRecurrent(l) && accum && accum.width > MAX_EXACT_WIDTH)
      // the gate pre-activations ax + ah are cast on numbers (docs/arithmetic.md, "Recurrent layers")
      throw fail('unsupported-precision', where('accum'), `must be at most ${MAX_EXACT_WIDTH} bits wide in a recurrent layer, not ${formatFixedType(accum)} (${accum.width} bits)`);
    if (l.kind === 'softmax' && l.precision.accum && l.precision.exp_table) {
      // s + e on the common grid max(F_accum, F_exp) must stay below 2^53 (docs/arithmetic.md, softmax)
      const [accum, exp] = [l.precision.accum, l.precision.exp_table];
      const grid = Math.max(fracBits(accum), fracBits(exp));
      const largest = maxMagnitude(accum.width, accum.signed) * 2 ** (grid - fracBits(accum)) + maxMagnitude(exp.width, exp.signed) * 2 ** (grid - fracBits(exp));
      const bits = Math.ceil(Math.log2(largest));
      if (largest > 2 ** MAX_EXACT_WIDTH)
        throw fail(
          'unsupported-precision',
          where('accum'),
          `accum ${formatFixedType(accum)} and exp_table ${formatFixedType(exp)} must add within ${MAX_EXACT_WIDTH} bits on their common grid, not ${bits}; use fewer fraction or integer bits`,
        );
    }
  }
}

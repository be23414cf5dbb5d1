import { Caster, fracBits, quantizeScaledBig, type FixedType } from '../../fixed/index.ts';
import type { MergeOp } from '../../ir/layers.ts';
import { maxMagnitude } from '../exact.ts';
import { reusableBuffer, type Kernel, type OutputBuffer } from '../kernel.ts';
import { need } from '../precision.ts';

/**
 * Element-wise merges, docs/arithmetic.md "Merges": the op is computed exactly on mantissas, then cast once,
 * y = Q_result(op(x0, x1, …)). add/subtract/average/maximum/minimum work on the common grid G = max F_k
 * (x_k's mantissa times 2^(G − F_k)); average divides the exact sum by 2^k (2^k inputs, checked by verify);
 * multiply works on the grid Σ F_k. Plain numbers when every intermediate provably stays below 2^53, BigInt otherwise.
 */
export const merge: Kernel<'merge'> = {
  fixed(layer, inputs, counters) {
    const types = inputs.map((t) => t.type);
    const plan = planOf(layer.op, types);
    const caster = new Caster(plan.frac, need(layer, 'result'), counters.stats('result'));
    const out = reusableBuffer();
    const n = inputs.length;
    const scale = plan.scales;
    return {
      type: caster.type,
      variant: plan.fitsNumbers ? 'number' : 'bigint',
      run(xs) {
        const y = out(xs[0].length);
        const v = new Array<number>(n);
        for (let i = 0; i < y.length; i++) {
          for (let k = 0; k < n; k++) v[k] = xs[k][i] * scale[k];
          y[i] = plan.fitsNumbers
            ? caster.cast(fold(layer.op, v))
            : Number(quantizeScaledBig(fold(layer.op, xs.map((x, k) => BigInt(x[i]) << BigInt(plan.shifts[k]))), plan.frac, caster.type, caster.stats));
        }
        return y;
      },
    };
  },
  float(layer, xs, _batch, out: OutputBuffer) {
    const y = out(xs[0].length);
    const v = new Array<number>(xs.length);
    for (let i = 0; i < y.length; i++) {
      for (let k = 0; k < xs.length; k++) v[k] = xs[k][i];
      y[i] = fold(layer.op, v) / (layer.op === 'average' ? xs.length : 1);
    }
    return y;
  },
};

interface MergePlan {
  /** the grid of the exact result: value = r · 2^−frac */
  readonly frac: number;
  /** per input: the left shift onto the common grid (0 for multiply) */
  readonly shifts: readonly number[];
  readonly scales: readonly number[];
  readonly fitsNumbers: boolean;
}

function planOf(op: MergeOp, types: readonly FixedType[]): MergePlan {
  const fracs = types.map(fracBits);
  const mags = types.map((t) => maxMagnitude(t.width, t.signed));
  if (op === 'multiply') {
    const shifts = types.map(() => 0);
    return { frac: fracs.reduce((a, b) => a + b, 0), shifts, scales: shifts.map(() => 1), fitsNumbers: mags.reduce((a, b) => a * b, 1) < 2 ** 53 };
  }
  const g = Math.max(...fracs);
  const shifts = fracs.map((f) => g - f);
  const bound = mags.reduce((a, m, k) => a + m * 2 ** shifts[k], 0);
  // average: the exact sum of 2^k inputs, read on a grid k bits finer, is the exact mean
  const frac = op === 'average' ? g + Math.log2(types.length) : g;
  return { frac, shifts, scales: shifts.map((s) => 2 ** s), fitsNumbers: bound < 2 ** 53 };
}

/**
 * The exact result from mantissas already on the common grid: one fold for numbers (exact below 2^53) and BigInt.
 * `+`, `−`, `·` and the comparisons mean the same on both, so the op table is written once.
 */
function fold<T extends number | bigint>(op: MergeOp, v: readonly T[]): T {
  const step = STEPS[op];
  let r = v[0];
  for (let k = 1; k < v.length; k++) r = step(r, v[k]);
  return r;
}

// (the casts only tell tsc that T + T is a T: true for numbers and for BigInts, never mixed here)
type Step = <T extends number | bigint>(r: T, x: T) => T;
const STEPS: Record<MergeOp, Step> = {
  add: (r, x) => ((r as number) + (x as number)) as typeof r,
  average: (r, x) => ((r as number) + (x as number)) as typeof r, // the sum; the caster reads it k bits finer
  subtract: (r, x) => ((r as number) - (x as number)) as typeof r,
  multiply: (r, x) => ((r as number) * (x as number)) as typeof r,
  maximum: (r, x) => (x > r ? x : r),
  minimum: (r, x) => (x < r ? x : r),
};

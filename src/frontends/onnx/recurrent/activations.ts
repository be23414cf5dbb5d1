import { fail } from '../../../diagnostics/diagnostic.ts';
import type { CellActivation } from '../../../ir/layers.ts';
import { HARD_SIGMOID_KERAS2 } from '../../../ir/recurrent.ts';
import type { OpContext } from '../op-context.ts';

/** ONNX's activation names (case-sensitive, as the spec lists them) that are cell activations of the IR. HardSigmoid
 * takes ONNX's defaults α = 0.2, β = 0.5 (Keras 2's hard_sigmoid). */
const CELL: Readonly<Record<string, CellActivation>> = {
  Sigmoid: { fn: 'sigmoid' }, Tanh: { fn: 'tanh' }, Relu: { fn: 'relu' }, HardSigmoid: HARD_SIGMOID_KERAS2,
};

/**
 * The activations of each direction: `count` per direction (LSTM f, g, h; GRU f, g; RNN f), the `activations`
 * attribute or the defaults. activation_alpha / activation_beta would change HardSigmoid's α, β: refused.
 */
export function cellActivations(ctx: OpContext, defaults: readonly string[], dirs: number): CellActivation[][] {
  for (const key of ['activation_alpha', 'activation_beta']) {
    if (ctx.attrs.has(key)) throw fail('unsupported-attribute', ctx.where, `${key} must be absent (HardSigmoid at ONNX's α = 0.2, β = 0.5), not [${ctx.attrs.floats(key)}]`);
  }
  const names = ctx.attrs.strings('activations') ?? Array.from({ length: dirs }, () => defaults).flat();
  if (names.length !== defaults.length * dirs) {
    throw fail('unsupported-attribute', ctx.where, `activations must list ${defaults.length * dirs} functions (${defaults.length} per direction), not ${names.length}`);
  }
  return Array.from({ length: dirs }, (_d, d) => names.slice(d * defaults.length, (d + 1) * defaults.length).map((n) => {
    if (Object.hasOwn(CELL, n)) return CELL[n];
    throw fail('unsupported-attribute', ctx.where, `activations must be cell activations hlsforge computes exactly, not '${n}'; supported: ${Object.keys(CELL).join(', ')}`);
  }));
}

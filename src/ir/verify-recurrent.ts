import { fail } from '../diagnostics/diagnostic.ts';
import type { CellActivation, RecurrentLayer } from './layers.ts';
import { CELL_ACTIVATIONS, gateCount, recurrentShape } from './recurrent.ts';

type Where = { file?: string; layer: string; op: string };

/** LSTM, GRU, SimpleRNN: input [steps, nIn], weights of the documented layout, the output shape, the activations. */
export function checkRecurrent(l: RecurrentLayer, x: readonly number[], where: Where, finite: (a: Float64Array, where: Where) => void): void {
  if (x.length !== 2 || x[0] !== l.steps || x[1] !== l.nIn) throw fail('shape-mismatch', where, `input must be [${l.steps}, ${l.nIn}] (time steps, features), not [${x}]`);
  const g = gateCount(l) * l.units;
  const sizes: [string, Float64Array, number][] = [
    ['kernel', l.kernel, l.nIn * g],
    ['recurrent kernel', l.recurrentKernel, l.units * g],
    ['bias', l.bias, g],
    ['recurrent bias', l.recurrentBias, g],
  ];
  for (const [what, a, n] of sizes) {
    if (a.length !== n) throw fail('shape-mismatch', where, `${what} must have ${n} elements, not ${a.length}`);
    finite(a, where);
  }
  const out = recurrentShape(l.steps, l.units, l.returnSequences);
  if (out.length !== l.shape.length || out.some((d, a) => d !== l.shape[a])) throw fail('shape-mismatch', where, `output shape must be [${out}], not [${l.shape}]`);
  if (!(l.tableSize >= 2 && Number.isInteger(Math.log2(l.tableSize)))) throw fail('unsupported-attribute', where, `table size must be a power of two, not ${l.tableSize}`);
  activation(l.activation, where, finite);
  if (l.kind !== 'simple_rnn') activation(l.recurrentActivation, where, finite);
}

function activation(a: CellActivation, where: Where, finite: (a: Float64Array, where: Where) => void): void {
  if (!(CELL_ACTIVATIONS as readonly string[]).includes(a.fn)) throw fail('unsupported-attribute', where, `activation must be one of the cell activations, not '${a.fn}'; supported: ${CELL_ACTIVATIONS.join(', ')}`);
  if (a.fn === 'hard_sigmoid') finite(Float64Array.of(a.alpha, a.beta), where);
}

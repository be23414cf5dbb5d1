import type { FixedType } from '../../../fixed/index.ts';
import type { DenseLayer, PrecisionVar, RecurrentLayer } from '../../../ir/layers.ts';
import { tensor } from '../../../ir/tensor.ts';
import { gateCount } from '../../../ir/recurrent.ts';
import type { Counters, FixedStep } from '../../kernel.ts';
import { need } from '../../precision.ts';
import { dense } from '../dense.ts';

/**
 * The matrix-vector products of a recurrent cell are dense layers (docs/arithmetic.md, "Recurrent layers"):
 *   input part      ax = Dense(x_t; kernel, bias)                  weight, bias, accum; result = accum
 *   recurrent part  ah = Dense(h_{t−1}; recurrentKernel, recurrentBias)  recurrent_weight, bias, accum; result = accum
 * each its own ascending accumulation chain started at Q_accum(bias), cast to accum at the end (a no-op), so the
 * emulator runs them with the fast dense kernels: the input part once over every time step of every sample.
 */
export interface DenseParts {
  /** x_t → all G gates */
  readonly input: DenseLayer;
  /** h_{t−1} → the gates in `recurrentColumns` (all, or GRU reset_before's z and r) */
  readonly recurrent: DenseLayer;
  /** GRU reset_before: (r ⊙ h_{t−1}) → the h gate */
  readonly candidate?: DenseLayer;
}

/** Columns [from, to) of a row-major [rows][cols] matrix. */
export function columns(m: Float64Array, rows: number, cols: number, from: number, to: number): Float64Array {
  const out = new Float64Array(rows * (to - from));
  for (let r = 0; r < rows; r++) out.set(m.subarray(r * cols + from, r * cols + to), r * (to - from));
  return out;
}

const cache = new WeakMap<RecurrentLayer, DenseParts>();

/** The dense layers of a recurrent layer (built once per IR layer, so the float kernels' compiled runners are reused). */
export function denseParts(l: RecurrentLayer): DenseParts {
  const cached = cache.get(l);
  if (cached) return cached;
  const { units: u, nIn } = l;
  const g = gateCount(l) * u;
  const part = (suffix: string, nInPart: number, weights: Float64Array, bias: Float64Array, weightVar: PrecisionVar): DenseLayer => {
    const p = l.precision;
    const precision = p.accum ? { weight: p[weightVar], bias: p.bias, accum: p.accum, result: p.accum } : p;
    return { kind: 'dense', name: `${l.name}/${suffix}`, inputs: [], shape: [bias.length], nIn: nInPart, nOut: bias.length, weights, bias, precision, reuseFactor: 1, strategy: 'latency' };
  };
  const split = l.kind === 'gru' && !l.resetAfter;
  const parts: DenseParts = {
    input: part('input', nIn, l.kernel, l.bias, 'weight'),
    recurrent: split
      ? part('recurrent', u, columns(l.recurrentKernel, u, g, 0, 2 * u), l.recurrentBias.subarray(0, 2 * u), 'recurrent_weight')
      : part('recurrent', u, l.recurrentKernel, l.recurrentBias, 'recurrent_weight'),
    candidate: split ? part('candidate', u, columns(l.recurrentKernel, u, g, 2 * u, g), l.recurrentBias.subarray(2 * u), 'recurrent_weight') : undefined,
  };
  cache.set(l, parts);
  return parts;
}

/** The fixed step of one dense part: weight overflows counted under `weightVar`, accum under accum. */
export function densePartStep(part: DenseLayer, inType: FixedType, weightVar: PrecisionVar, counters: Counters): FixedStep {
  need(part, 'accum');
  const mapped: Counters = { stats: (v) => counters.stats(v === 'weight' ? weightVar : v === 'result' ? 'accum' : v) };
  return dense.fixed(part, [tensor([part.nIn], inType)], mapped);
}

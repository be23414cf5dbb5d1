import type { RecurrentLayer } from '../../../ir/layers.ts';
import { gateCount } from '../../../ir/recurrent.ts';

/** One cell: `reset` zeroes the state of `batch` samples; `step` consumes the input part of one time step. */
export interface Cell {
  reset(batch: number): void;
  /** ax: [batch][G·units] input-part pre-activations of this step; returns h_t as [batch][units] */
  step(ax: Float64Array, batch: number): Float64Array;
}

/**
 * The time loop shared by every recurrent kind and by both modes: the input part `ax` of every step of every sample
 * ([batch][steps][G·units], computed at once), processing step k reads time t = k (t = T−1−k going backwards);
 * `emit` writes h_t (converted to the output: Q_result in fixed mode) at output position k (T−1−k with
 * reverseOutputs), or only the last state without returnSequences.
 */
export function runSequence(
  l: RecurrentLayer,
  ax: Float64Array,
  batch: number,
  cell: Cell,
  y: Float64Array,
  emit: (h: number) => number,
): Float64Array {
  const { steps: T, units: u } = l;
  const g = gateCount(l) * u;
  const axStep = new Float64Array(batch * g);
  cell.reset(batch);
  for (let k = 0; k < T; k++) {
    const t = l.goBackwards ? T - 1 - k : k;
    for (let b = 0; b < batch; b++) axStep.set(ax.subarray((b * T + t) * g, (b * T + t + 1) * g), b * g);
    const h = cell.step(axStep, batch);
    if (!l.returnSequences) {
      if (k === T - 1) for (let i = 0; i < batch * u; i++) y[i] = emit(h[i]);
      continue;
    }
    const at = l.reverseOutputs ? T - 1 - k : k;
    for (let b = 0; b < batch; b++) for (let j = 0; j < u; j++) y[(b * T + at) * u + j] = emit(h[b * u + j]);
  }
  return y;
}

/** Gathers columns [from, from + n) of every row of a [rows][width] array into a packed [rows][n] one. */
export function gather(src: Float64Array, rows: number, width: number, from: number, n: number, into: Float64Array): Float64Array {
  for (let r = 0; r < rows; r++) into.set(src.subarray(r * width + from, r * width + from + n), r * n);
  return into;
}

/** Gathers the columns `cols` of every row of a [rows][width] array into a packed [rows][cols.length] one. */
export function gatherColumns(src: Float64Array, rows: number, width: number, cols: Int32Array, into: Float64Array): Float64Array {
  const n = cols.length;
  for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) into[r * n + j] = src[r * width + cols[j]];
  return into;
}

/** Columns [from, to) of each listed gate block of `units` columns, as one index list. */
export const gateColumns = (units: number, gates: readonly number[]): Int32Array =>
  Int32Array.from(gates.flatMap((g) => Array.from({ length: units }, (_, j) => g * units + j)));

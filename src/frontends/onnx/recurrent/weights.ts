import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpContext } from '../op-context.ts';
import type { ConstTensor } from '../tensor.ts';
import { showShape } from '../values.ts';

/**
 * For each gate of the IR's order (Keras's: LSTM i, f, c, o; GRU z, r, h), the gate's block in ONNX's order
 * (LSTM i, o, f, c; GRU z, r, h; RNN one).
 */
export const ONNX_GATE_OF = { lstm: [0, 2, 3, 1], gru: [0, 1, 2], simple_rnn: [0] } as const;

export interface DirectionWeights {
  /** [nIn][G·h], IR gate order */
  readonly kernel: Float64Array;
  /** [h][G·h] */
  readonly recurrentKernel: Float64Array;
  /** Wb, [G·h] */
  readonly bias: Float64Array;
  /** Rb, [G·h] */
  readonly recurrentBias: Float64Array;
}

/** A weight input of the expected dims, or a shape-mismatch naming it. */
export function expectDims(ctx: OpContext, t: ConstTensor, role: string, dims: readonly number[]): ConstTensor {
  if (t.dims.length !== dims.length || t.dims.some((d, k) => d !== dims[k])) {
    throw fail('shape-mismatch', ctx.where, `${role} must have shape ${showShape(dims)}, not ${showShape(t.dims)}`);
  }
  return t;
}

/**
 * Direction d's weights in the IR layout: ONNX W [dirs][G·h][nIn] and R [dirs][G·h][h] hold gate g's unit j in row
 * g·h + j; the IR's kernel is [nIn][G·h] with IR gate k in columns k·h … — so kernel[i][k·h + j] = W[d][gate(k)·h + j][i].
 * B [dirs][2·G·h] is Wb then Rb, each permuted the same way.
 */
export function directionWeights(gates: readonly number[], h: number, nIn: number, d: number, w: ConstTensor, r: ConstTensor, b: ConstTensor | undefined): DirectionWeights {
  const g = gates.length * h;
  const kernel = new Float64Array(nIn * g);
  const recurrentKernel = new Float64Array(h * g);
  const bias = new Float64Array(g);
  const recurrentBias = new Float64Array(g);
  gates.forEach((onnxGate, k) => {
    for (let j = 0; j < h; j++) {
      const row = onnxGate * h + j;
      const col = k * h + j;
      for (let i = 0; i < nIn; i++) kernel[i * g + col] = w.data[(d * g + row) * nIn + i];
      for (let i = 0; i < h; i++) recurrentKernel[i * g + col] = r.data[(d * g + row) * h + i];
      if (b) {
        bias[col] = b.data[d * 2 * g + row];
        recurrentBias[col] = b.data[d * 2 * g + g + row];
      }
    }
  });
  return { kernel, recurrentKernel, bias, recurrentBias };
}

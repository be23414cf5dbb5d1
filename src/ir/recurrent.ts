import type { CellActivation, RecurrentLayer } from './layers.ts';

/** Gates per kind, in the column order of the weights (Keras's): LSTM i, f, c, o; GRU z, r, h; SimpleRNN one. */
export const GATES: { readonly [K in RecurrentLayer['kind']]: readonly string[] } = {
  lstm: ['i', 'f', 'c', 'o'],
  gru: ['z', 'r', 'h'],
  simple_rnn: ['h'],
};

export const gateCount = (l: RecurrentLayer): number => GATES[l.kind].length;

export const isRecurrent = (l: { kind: string }): l is RecurrentLayer => l.kind in GATES;

/** The cell activations by name, as frontends spell them, for messages. */
export const CELL_ACTIVATIONS = ['tanh', 'sigmoid', 'hard_sigmoid', 'relu', 'linear'] as const;

/** Keras 2's hard_sigmoid (clip(0.2x + 0.5)) and Keras 3's (clip(x/6 + 0.5)). */
export const HARD_SIGMOID_KERAS2: CellActivation = { fn: 'hard_sigmoid', alpha: 0.2, beta: 0.5 };
export const HARD_SIGMOID_KERAS3: CellActivation = { fn: 'hard_sigmoid', alpha: 1 / 6, beta: 0.5 };

/** The output shape: every step's state, or the last one. */
export const recurrentShape = (steps: number, units: number, returnSequences: boolean): number[] => (returnSequences ? [steps, units] : [units]);

/** Both activations of a layer (SimpleRNN has no recurrent one). */
export const cellActivations = (l: RecurrentLayer): CellActivation[] => (l.kind === 'simple_rnn' ? [l.activation] : [l.activation, l.recurrentActivation]);

/** A weight tensor read from a Keras weights file: row-major data (float64) and its shape. */
export interface WeightTensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/**
 * Where the weights of each layer are. Keras 2 HDF5 and TensorFlow.js name every variable (`kernel`, `bias`, …);
 * Keras 3 stores them by position (`vars/0`, `vars/1`, … in the order the layer created them). `vars` lists the
 * layer's variables in that order, so both kinds of store can answer; a missing variable is undefined.
 */
export interface WeightStore {
  /** the file the weights come from, for diagnostics */
  readonly file: string;
  get(layer: WeightKey, vars: readonly string[]): (WeightTensor | undefined)[];
}

/** How a layer is found in a weights file: its name (Keras 2, TF.js) or its saving path (Keras 3). */
export interface WeightKey {
  readonly name: string;
  /** Keras 3 `.weights.h5` path of the layer, e.g. `layers/dense_1` */
  readonly path: string;
  /**
   * Keras 2 layers whose variables are named after an inner object (a recurrent layer's cell `lstm/lstm_cell/kernel:0`,
   * Bidirectional's `forward_lstm/…`, TimeDistributed's inner layer): when the variable is not found by `name`, it is
   * looked up among the variables of the layer's own group, the one whose path has a segment starting with `scope`
   * (any path when `scope` is empty).
   */
  readonly scope?: string;
}

export const showShape = (s: readonly number[]): string => `[${s.join(', ')}]`;

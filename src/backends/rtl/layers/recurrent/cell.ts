import type { FixedType } from '../../../../fixed/index.ts';
import type { Fx } from '../../netlist/fx.ts';
import type { Lane } from './lane.ts';

/** A vector of u registers of one type: a state (h, c) or the buffer one pass leaves for the next (GRU's r·h). */
export interface VectorSpec {
  readonly name: string;
  readonly type: FixedType;
}

/**
 * A recurrent cell as passes over the units: each pass computes, per unit, named values from x_t and the module's
 * vectors. An earlier pass's outputs are its buffers; the last pass returns the next value of every state vector and
 * `y` = Q_result(h_t).
 */
export interface CellSpec {
  readonly state: readonly VectorSpec[];
  readonly buffers: readonly VectorSpec[];
  readonly passes: readonly ((lane: Lane) => Record<string, Fx>)[];
  /** lines for the module comment */
  readonly notes: readonly string[];
}

import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { Layer, LayerKind, LayerOf } from '../../../ir/layers.ts';
import type { Tensor } from '../../../ir/tensor.ts';
import type { Module } from '../netlist/netlist.ts';

/**
 * A tensor as a stream: `transfers` transfers of `elements` elements each. The transfer is the last (channel) axis:
 * a [H, W, C] tensor is H·W pixels of C channels in row-major pixel order, a 1-D tensor [n] is one transfer.
 */
export interface StreamShape {
  readonly transfers: number;
  readonly elements: number;
}

export const streamShape = (shape: readonly number[]): StreamShape => {
  const elements = shape.length === 0 ? 1 : shape[shape.length - 1];
  return { transfers: shape.reduce((a, b) => a * b, 1) / elements, elements };
};

/** When the first and the last transfer of a tensor are offered, in cycles after the first input transfer is taken. */
export interface Arrival {
  readonly first: number;
  readonly last: number;
}

/** A stage with a fixed latency that takes a transfer at most every `ii` cycles: b_k = max(a_k, b_(k−1) + ii). */
export function pipeTimes(a: readonly number[], latency: number, ii: number): number[] {
  const out: number[] = [];
  let fired = -Infinity;
  for (const t of a) {
    fired = Math.max(t, fired + ii);
    out.push(fired + latency);
  }
  return out;
}

/** One stream module of a layer (a layer is one stage, or two for a reshape that repacks both ways). */
export interface StreamStage {
  readonly module: Module;
  /** what it does, for the plan: a pipelined datapath per transfer, or a repacking */
  readonly role: 'datapath' | 'collect' | 'emit' | 'window';
  /** enabled cycles from a transfer taken to its result offered (datapath; 1 for collect/emit) */
  readonly latency: number;
  /** cycles between transfers taken (datapath) */
  readonly ii: number;
  /** the largest logic delay one pipeline stage of a datapath holds (ns, timing.ts) */
  readonly worstStageNs?: number;
  readonly outType: FixedType;
  readonly outShape: readonly number[];
  /**
   * The cycle each output transfer is offered, given the cycle each (joined) input transfer is offered, with no
   * back-pressure from the consumer (docs/rtl.md, "io_stream plan").
   */
  readonly timing: (input: readonly number[]) => number[];
}

export interface StreamContext {
  /** safe, unique Verilog module name for the layer's (first) stage; `name(suffix)` gives more */
  readonly moduleName: string;
  readonly name: (suffix: string) => string;
  /** the input tensors (types as produced by the hardware), in layer.inputs order */
  readonly inputs: readonly Tensor[];
  /** logic delay one pipeline stage may hold, ns (timing.ts stageBudgetNs) */
  readonly stageNs: number;
}

/** A layer's stream stages, in order (each feeding the next); `undefined`: the layer is a wire. */
export type StreamLayer<K extends LayerKind> = (layer: LayerOf<K>, ctx: StreamContext) => StreamStage[] | undefined;

export const opOf = (l: Layer): string => l.origin?.op ?? l.kind;

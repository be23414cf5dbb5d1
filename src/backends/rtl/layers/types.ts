import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { LayerKind, LayerOf } from '../../../ir/layers.ts';
import type { Tensor } from '../../../ir/tensor.ts';
import type { Module } from '../netlist/netlist.ts';

/** What a layer's hardware generator knows about its surroundings. */
export interface LayerContext {
  /** safe Verilog module name */
  readonly moduleName: string;
  /** every input tensor as it reaches the layer (its type is the producer's hardware output type), in layer.inputs order */
  readonly inputs: readonly Tensor[];
  /** type and element count of the first input (for the single-input generators) */
  readonly inType: FixedType;
  readonly inSize: number;
  /** logic delay one pipeline stage may hold, ns (timing.ts stageBudgetNs) */
  readonly stageNs: number;
  /**
   * Cross-layer flow (docs/rtl.md "Pipelining rule"), set by the io_parallel design: the logic depth (ns) each input
   * has already spent in the stage it arrives in, in layer.inputs order. A generator that honours it hands its result
   * on unregistered and says how deep (LayerHardware.outDepthNs); one that does not gets registered inputs from the
   * top. Absent (io_stream): inputs and outputs are registered.
   */
  readonly inputDepthNs?: readonly number[];
  /** the model file, for diagnostics */
  readonly file?: string;
  /** LUTs one DSP48E2 slice is worth when choosing constant multipliers (ProjectConfig.dspCost; default 55) */
  readonly dspCost?: number;
}

/** One layer as hardware: its module and its timing, known when it is generated. */
export interface LayerHardware {
  readonly module: Module;
  /** registers from a valid input on `x` (or `x0`, `x1`, …) to the result on `y`; 0 for wires or logic within one stage */
  readonly latency: number;
  /** cycles between accepted samples */
  readonly ii: number;
  readonly outType: FixedType;
  readonly outSize: number;
  /**
   * has `rst` and `start` ports (a reuse-factor dense layer); otherwise a pure pipeline with only `clk`, or with no
   * clock at all when the latency is 0 (wires)
   */
  readonly sequential: boolean;
  /** the largest logic delay one pipeline stage of it holds (ns, timing.ts), when the scheduler pipelined it */
  readonly worstStageNs?: number;
  /**
   * set when it was scheduled from ctx.inputDepthNs: `y` is not registered and leaves this many ns into the module's
   * last stage (0 only when nothing after the last register); absent: `y` is registered (or wires, latency 0)
   */
  readonly outDepthNs?: number;
}

/** A layer generator; `undefined` means the layer is a wire (input, identity). */
export type RtlLayer<K extends LayerKind> = (layer: LayerOf<K>, ctx: LayerContext) => LayerHardware | undefined;

import type { ProjectConfig } from '../../config/project-config.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import type { Layer, LayerKind, LayerOf } from '../../ir/layers.ts';
import { tensor, type Tensor } from '../../ir/tensor.ts';
import { walk } from '../../ir/walk.ts';
import { RTL_LAYERS } from './layers/index.ts';
import type { LayerContext, LayerHardware, RtlLayer } from './layers/types.ts';
import { verilogIdentifier } from './names.ts';
import type { Module } from './netlist/netlist.ts';
import { stageBudgetNs } from './timing.ts';
import { buildTop } from './top.ts';

/**
 * A tensor flowing through the design: the output of graph input `index` (a slice of in_data, or of the top's input
 * register when there is one) or of placed layer `index`, valid in pipeline stage `at` (stage 0: the cycle a sample
 * is accepted, or the one after it with an input register), `depthNs` of logic into that cycle's stage
 * (0: straight out of a register); wires — input, identity, reshape — pass their input's value on under a new shape.
 */
export interface DesignValue {
  readonly tensor: Tensor;
  readonly source: { readonly from: 'input' | 'layer'; readonly index: number };
  readonly at: number;
  readonly depthNs: number;
}

/** One generated layer module, with its place in the pipeline. */
export interface PlacedLayer {
  readonly layer: Layer;
  readonly hw: LayerHardware;
  /**
   * the pipeline stage in which this layer's inputs are valid (the latest input; earlier ones are delayed by
   * registers and arrive at depth 0)
   */
  readonly offset: number;
  /** the logic depth (ns) each input arrives with at `offset`, in layer.inputs order (0: registered) */
  readonly inputDepthNs: readonly number[];
  /** the values on its input ports, in layer.inputs order */
  readonly inputs: readonly DesignValue[];
}

/** One segment of the packed in_data or out_data: a graph input or output layer's tensor. */
export interface PortSegment {
  readonly name: string;
  readonly size: number;
  readonly type: FixedType;
}

export interface RtlDesign {
  readonly top: Module;
  readonly layers: readonly PlacedLayer[];
  /** in_data: the graph's input layers in graph order, element 0 of the first in the low bits */
  readonly inputs: readonly PortSegment[];
  /** out_data: graph.outputs in order, the same packing */
  readonly outputs: readonly PortSegment[];
  /** the value of each output, before it is delayed to the common out_valid */
  readonly outputValues: readonly DesignValue[];
  /** whether the top registers in_data (II > 1: the sample is held while the layers work on it) */
  readonly inputRegister: boolean;
  /** cycles from in_valid (accepted) to out_valid */
  readonly latencyCycles: number;
  readonly ii: number;
  /** logic delay one pipeline stage may hold, ns (timing.ts) */
  readonly stageNs: number;
  /** flip-flop bits of the delay lines that balance paths into merges and align the outputs */
  readonly delayBits: number;
}

const generate = <K extends LayerKind>(layer: LayerOf<K>, ctx: LayerContext): LayerHardware | undefined =>
  (RTL_LAYERS[layer.kind as K] as RtlLayer<K>)(layer, ctx);

/**
 * Strategy: Latency puts the result's arrival first (docs/rtl.md "Constant multipliers"): a layer scheduled from its
 * inputs' depths that uses DSP products (a stage of their own) is built again without them, and that version is kept
 * when its result leaves earlier (fewer registers crossed, or as many and less deep); otherwise LUT + DspCost·DSP
 * decides, as it did.
 */
function latencyFirst<K extends LayerKind>(layer: LayerOf<K>, ctx: LayerContext, hw: LayerHardware | undefined): LayerHardware | undefined {
  if (!hw || hw.outDepthNs === undefined || layer.strategy !== 'latency' || ctx.dspCost === Infinity) return hw;
  if (!hw.module.cells.some((c) => c.op === 'mul')) return hw;
  const lut = generate(layer, { ...ctx, dspCost: Infinity });
  if (!lut || lut.outDepthNs === undefined) return hw;
  const earlier = lut.latency < hw.latency || (lut.latency === hw.latency && lut.outDepthNs < hw.outDepthNs);
  return earlier ? lut : hw;
}

/**
 * IR → netlists: every layer module and the top, with the latency and II known at generation time. The one graph
 * walker visits layers in topological order; a layer starts when its latest input is valid (its other inputs are
 * delayed to that cycle by the top), and the outputs are delayed to the latest one.
 * Logic flows across layer boundaries (docs/rtl.md "Pipelining rule"): a layer scheduled by the pipeliner starts
 * at the depth its latest inputs arrive with and hands its result on unregistered; a layer that needs registered
 * inputs (sequential, recurrent) gets a top register in front of an input arriving with logic depth; the design's
 * outputs are registered once by the top.
 */
export function buildDesign(graph: Graph, config: ProjectConfig): RtlDesign {
  const stageNs = stageBudgetNs(config.clockPeriod);
  const taken = new Set<string>([verilogIdentifier(config.projectName)]);
  const placed: PlacedLayer[] = [];
  const inputs: PortSegment[] = [];
  const values = walk<DesignValue>(graph, (layer, ins) => {
    if (layer.kind === 'input') {
      inputs.push({ name: layer.name, size: sizeOf(layer.shape), type: layer.precision.result });
      return { tensor: tensor(layer.shape, layer.precision.result), source: { from: 'input', index: inputs.length - 1 }, at: 0, depthNs: 0 };
    }
    const tensors = ins.map((v) => v.tensor);
    const moduleName = verilogIdentifier(`${config.projectName}_${layer.name}`, taken);
    const latest = Math.max(...ins.map((v) => v.at));
    const inputDepthNs = ins.map((v) => (v.at === latest ? v.depthNs : 0));
    const ctx = { moduleName, inputs: tensors, inType: tensors[0].type, inSize: sizeOf(tensors[0].shape), stageNs, file: graph.file, dspCost: config.dspCost, inputDepthNs };
    const hw = latencyFirst(layer, ctx, generate(layer, ctx));
    if (!hw) return { ...ins[0], tensor: tensor(layer.shape, ins[0].tensor.type) };
    const at = (offset: number, depthNs: number): DesignValue => ({ tensor: tensor(layer.shape, hw.outType), source: { from: 'layer', index: placed.length - 1 }, at: offset + hw.latency, depthNs });
    if (hw.outDepthNs !== undefined) {
      // scheduled from the arrival depths: its result flows on unregistered
      placed.push({ layer, hw, offset: latest, inputs: ins, inputDepthNs });
      return at(latest, hw.outDepthNs);
    }
    if (hw.latency === 0 && !hw.sequential) {
      // wires: the deepest input's depth passes through
      placed.push({ layer, hw, offset: latest, inputs: ins, inputDepthNs });
      return at(latest, Math.max(...inputDepthNs));
    }
    // registered inputs: one top register after logic still in flight
    const offset = latest + (inputDepthNs.some((d) => d > 0) ? 1 : 0);
    placed.push({ layer, hw, offset, inputs: ins, inputDepthNs: ins.map(() => 0) });
    return at(offset, 0);
  });
  const where = { file: graph.file };
  if (inputs.length === 0 || graph.outputs.length === 0)
    throw fail('unsupported-topology', where, `the RTL backend needs at least one input and one output layer, not ${inputs.length} and ${graph.outputs.length}`);
  const outputValues = graph.outputs.map((name) => {
    const v = values.get(name);
    if (!v) throw fail('unsupported-topology', where, `output '${name}' must be a layer of the graph`);
    return v;
  });
  const outputs = graph.outputs.map((name, k) => ({ name, size: sizeOf(outputValues[k].tensor.shape), type: outputValues[k].tensor.type }));
  const ii = Math.max(1, ...placed.map((p) => p.hw.ii));
  // in_data is registered by the top only when a sample must be held for II > 1 cycles; otherwise the first stage
  // reads the port (driven by the user's register, like every register-to-register path of the timing model)
  const inputRegister = ii > 1;
  const design = {
    layers: placed,
    inputs,
    outputs,
    outputValues,
    inputRegister,
    // the stage of the out register (an output still in logic is registered once more; at least one register from
    // the ports), + the top's input register when there is one
    latencyCycles: Math.max(1, ...outputValues.map((v) => v.at + (v.depthNs > 0 ? 1 : 0))) + (inputRegister ? 1 : 0),
    ii,
    stageNs,
  };
  const top = buildTop(verilogIdentifier(config.projectName), design, graph.name);
  return { ...design, top: top.module, delayBits: top.delayBits };
}

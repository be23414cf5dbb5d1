import type { ProjectConfig } from '../../../config/project-config.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import { sizeOf, type Graph } from '../../../ir/graph.ts';
import type { Layer, LayerKind, LayerOf } from '../../../ir/layers.ts';
import { tensor, type Tensor } from '../../../ir/tensor.ts';
import { walk } from '../../../ir/walk.ts';
import { verilogIdentifier } from '../names.ts';
import type { Module } from '../netlist/netlist.ts';
import { stageBudgetNs } from '../timing.ts';
import { STREAM_LAYERS } from './layers.ts';
import { streamEdges, type EdgePortOrder } from './edges.ts';
import { planStreamTiming } from './timing-plan.ts';
import { buildStreamTop, topComment } from './top.ts';
import { streamShape, type Arrival, type StreamContext, type StreamLayer, type StreamShape, type StreamStage } from './types.ts';

/** A tensor in the stream design: the graph input (key 'input') or the output of placed stage `index`. */
export interface StreamValue {
  readonly key: string;
  readonly tensor: Tensor;
  readonly stream: StreamShape;
  /** bits per transfer */
  readonly width: number;
  readonly arrival: Arrival;
  /** the cycle each transfer is offered (planned, no stalls) */
  readonly times: readonly number[];
}

export interface PlacedStage {
  readonly layer: Layer;
  readonly stage: StreamStage;
  readonly inputs: readonly StreamValue[];
  /** the joined arrival at its inputs: the latest first and last transfer (earlier inputs wait in FIFOs) */
  readonly arrival: Arrival;
}

/**
 * The top's input or output: a graph edge. `order`, when the model's tensor is channels-first (an edge transpose the
 * design does not build): the port streams the channels-last tensor, port element j = model-order element order[j].
 */
export type StreamPort = StreamValue & { readonly name: string; readonly order?: EdgePortOrder };

export interface StreamDesign {
  readonly top: Module;
  readonly stages: readonly PlacedStage[];
  /** FIFO modules, one per width × depth used */
  readonly fifos: readonly Module[];
  readonly input: StreamPort;
  readonly output: StreamPort;
  /** cycles from the first input transfer taken to the last output transfer, with no stalls */
  readonly latencyCycles: number;
  /** cycles between tensors (images) presented back to back (timing-plan.ts) */
  readonly ii: number;
  readonly stageNs: number;
  /** flip-flop bits of the FIFOs balancing branches into joins */
  readonly fifoBits: number;
}

const generate = <K extends LayerKind>(layer: LayerOf<K>, ctx: StreamContext): StreamStage[] | undefined =>
  (STREAM_LAYERS[layer.kind as K] as StreamLayer<K>)(layer, ctx);

/**
 * IR → stream modules, in topological order: every edge a valid/ready channel of one transfer (pixel) per beat.
 * The stall-free feed-forward schedule of each stage (sizing the FIFOs into joins) is computed alongside; latency
 * and II are then planned by simulating the built top's handshakes (timing-plan.ts); rtl-sim measures them.
 */
export function buildStreamDesign(graph: Graph, config: ProjectConfig): StreamDesign {
  const where = { file: graph.file };
  const inputs = graph.layers.filter((l) => l.kind === 'input');
  if (inputs.length !== 1 || graph.outputs.length !== 1)
    throw fail('unsupported-topology', where, `io_stream RTL designs must have one input and one output layer, not ${inputs.length} and ${graph.outputs.length}`);
  const stageNs = stageBudgetNs(config.clockPeriod);
  const taken = new Set<string>([verilogIdentifier(config.projectName)]);
  const stages: PlacedStage[] = [];
  // edge transposes (and size-1 reshapes) are not built: the ports stream channels-last, rtl-sim converts the rows
  const edges = streamEdges(graph);
  const values = walk<StreamValue>(graph, (layer, ins) => {
    if (layer.kind === 'input') {
      const t = tensor(edges.inputShape, layer.precision.result);
      return valueOf('input', t, Array.from({ length: streamShape(t.shape).transfers }, (_, k) => k));
    }
    if (edges.skipped.has(layer.name)) return ins[0];
    const base = `${config.projectName}_${layer.name}`;
    const moduleName = verilogIdentifier(base, taken);
    const ctx: StreamContext = { moduleName, name: (s) => verilogIdentifier(`${base}_${s}`, taken), inputs: ins.map((v) => v.tensor), stageNs };
    const made = generate(layer, ctx);
    if (!made || made.length === 0) return { ...ins[0], tensor: tensor(layer.shape, ins[0].tensor.type) };
    let vs = ins;
    for (const stage of made) {
      // a join takes transfer k when every input offers it
      const times = vs[0].times.map((_, k) => Math.max(...vs.map((v) => v.times[k])));
      stages.push({ layer, stage, inputs: vs, arrival: { first: times[0], last: times[times.length - 1] } });
      vs = [valueOf(`stage${stages.length - 1}`, tensor(stage.outShape, stage.outType), stage.timing(times))];
    }
    return vs[0];
  });
  const inputLayer = inputs[0];
  const input = { ...values.get(inputLayer.name)!, name: inputLayer.name, order: edges.inputOrder };
  const out = values.get(graph.outputs[0]);
  if (!out) throw fail('unsupported-topology', where, `output '${graph.outputs[0]}' must be a layer of the graph`);
  const output = { ...out, name: graph.outputs[0], order: edges.outputOrder };
  const design = { stages, input, output, stageNs };
  const top = buildStreamTop(verilogIdentifier(config.projectName), design, graph.name, (s) => verilogIdentifier(`${config.projectName}_${s}`, taken));
  const t = planStreamTiming(top.module, [...stages.map((p) => p.stage.module), ...top.fifos], input.stream.transfers, output.stream.transfers);
  const planned = { ...design, latencyCycles: t.latencyCycles, ii: t.ii };
  return { ...planned, top: { ...top.module, comment: topComment(top.module.name, planned, graph.name) }, fifos: top.fifos, fifoBits: top.fifoBits };
}

function valueOf(key: string, t: Tensor, times: readonly number[]): StreamValue {
  const stream = streamShape(t.shape);
  return { key, tensor: t, stream, width: stream.elements * t.type.width, arrival: { first: times[0], last: times[times.length - 1] }, times };
}

/** Elements of a tensor (for the packed test vectors: the whole tensor, transfer 0 in the low bits). */
export const elementsOf = (v: StreamValue): number => sizeOf(v.tensor.shape);

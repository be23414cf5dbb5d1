import type { ProjectConfig } from '../../config/project-config.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import { inputLayers, sizeOf, type Graph } from '../../ir/graph.ts';
import type { Layer, LayerKind, LayerOf } from '../../ir/layers.ts';
import { RTL_LAYERS } from './layers/index.ts';
import type { LayerHardware, RtlLayer } from './layers/types.ts';
import { verilogIdentifier } from './names.ts';
import type { Module } from './netlist/netlist.ts';
import { levelsPerStage } from './timing.ts';
import { buildTop } from './top.ts';

/** One generated layer module, with its place in the pipeline. */
export interface PlacedLayer {
  readonly layer: Layer;
  readonly hw: LayerHardware;
  /** cycles from the top's input register to this layer's x being valid */
  readonly offset: number;
}

export interface RtlDesign {
  readonly top: Module;
  readonly layers: readonly PlacedLayer[];
  readonly inputType: FixedType;
  readonly inputSize: number;
  readonly outputType: FixedType;
  readonly outputSize: number;
  /** cycles from in_valid (accepted) to out_valid */
  readonly latencyCycles: number;
  readonly ii: number;
  readonly levelsPerStage: number;
}

const generate = <K extends LayerKind>(layer: LayerOf<K>, ctx: Parameters<RtlLayer<K>>[1]): LayerHardware | undefined =>
  (RTL_LAYERS[layer.kind] as RtlLayer<K>)(layer, ctx);

/** IR → netlists: every layer module and the top, with the latency and II known at generation time. */
export function buildDesign(graph: Graph, config: ProjectConfig): RtlDesign {
  const chain = layerChain(graph);
  const input = chain[0];
  const levels = levelsPerStage(config.clockPeriod);
  const taken = new Set<string>([verilogIdentifier(config.projectName)]);
  let type = input.precision.result;
  let size = sizeOf(input.shape);
  let offset = 0;
  const placed: PlacedLayer[] = [];
  for (const layer of chain.slice(1)) {
    const moduleName = verilogIdentifier(`${config.projectName}_${layer.name}`, taken);
    const hw = generate(layer, { moduleName, inType: type, inSize: size, levels });
    if (!hw) continue;
    placed.push({ layer, hw, offset });
    offset += hw.latency;
    [type, size] = [hw.outType, hw.outSize];
  }
  const ii = Math.max(1, ...placed.map((p) => p.hw.ii));
  const design = {
    layers: placed,
    inputType: input.precision.result,
    inputSize: sizeOf(input.shape),
    outputType: type,
    outputSize: size,
    latencyCycles: offset + 1, // + the top's input register
    ii,
    levelsPerStage: levels,
  };
  return { ...design, top: buildTop(verilogIdentifier(config.projectName), design, graph.name) };
}

/** The layers as one chain input → … → output (the only topology the RTL backend supports). */
function layerChain(graph: Graph): Layer[] {
  const where = { file: graph.file };
  const inputs = inputLayers(graph);
  if (inputs.length !== 1 || graph.outputs.length !== 1)
    throw fail('unsupported-topology', where, `the RTL backend needs one input and one output layer, not ${inputs.length} and ${graph.outputs.length}`);
  const chain: Layer[] = [inputs[0]];
  const rest = graph.layers.filter((l) => l.kind !== 'input');
  for (const l of rest) {
    const prev = chain[chain.length - 1];
    if (l.inputs.length !== 1 || l.inputs[0] !== prev.name)
      throw fail('unsupported-topology', { ...where, layer: l.name, op: l.kind }, `the RTL backend needs a chain of layers; its input must be '${prev.name}', not '${l.inputs.join("', '")}'`);
    chain.push(l);
  }
  if (chain[chain.length - 1].name !== graph.outputs[0])
    throw fail('unsupported-topology', where, `the output must be the last layer '${chain[chain.length - 1].name}', not '${graph.outputs[0]}'`);
  return chain;
}

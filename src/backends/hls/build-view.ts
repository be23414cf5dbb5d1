import type { ProjectConfig } from '../../config/project-config.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import { formatFixedType, type FixedType } from '../../fixed/index.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import type { Layer, LayerKind, LayerOf, PrecisionVar } from '../../ir/layers.ts';
import type { EmitContext, LayerEmission, LayerEmitter, Port } from './emit-context.ts';
import { HLS_EMITTERS } from './emitters/registry.ts';
import { cppComment, cppIdentifier } from './names.ts';
import { producerOf } from './producer.ts';
import type { LayerView, ProjectView } from './view-model.ts';

export const GENERATOR = 'hlsforge';

/** Graph (every precision filled by apply-config) → the view model every HLS template reads. */
export function buildProjectView(graph: Graph, config: ProjectConfig, version: string): ProjectView {
  const input = singleInput(graph);
  const final = producerOf(graph, singleOutput(graph));
  const ports = new Map<string, Port>([[input.name, { name: 'x', type: 'input_t', size: sizeOf(input.shape), fixed: input.precision.result }]]);
  const layers: LayerView[] = [];

  graph.layers.forEach((layer, position) => {
    if (layer.kind === 'input') return;
    const index = position + 1;
    const source = ports.get(layer.inputs[0] ?? '');
    if (layer.inputs.length !== 1 || !source)
      throw fail('unsupported-topology', { file: graph.file, layer: layer.name, op: layer.kind }, `a layer must read exactly one earlier layer, not [${layer.inputs.join(', ')}]`);
    const isFinal = layer === final;
    const size = sizeOf(layer.shape);
    const output: Port = { name: isFinal ? 'y' : `layer${index}_out`, type: `layer${index}_t`, size, fixed: layer.precision.result };
    const ctx = contextFor(graph, layer, index, source, output);
    const emission = emit(layer, ctx);
    if (emission.kind === 'alias') {
      ports.set(layer.name, source);
      return;
    }
    ports.set(layer.name, output);
    layers.push(layerView(ctx, emission, isFinal));
  });

  const resultLayer = layers.find((l) => l.outputVar === 'y');
  const inputSize = sizeOf(input.shape);
  const project = cppIdentifier(config.projectName);
  return {
    project,
    headerGuard: `${project.toUpperCase()}_H_`,
    generator: `${GENERATOR} ${version}`,
    modelComment: cppComment(graph.name),
    part: config.part,
    partTcl: tclWord(config.part),
    clockPeriod: String(config.clockPeriod),
    backend: config.backend,
    vivadoPrimary: config.backend === 'Vivado',
    inputSize,
    outputSize: resultLayer ? resultLayer.sizeValue : inputSize,
    inputType: formatFixedType(input.precision.result),
    resultType: resultLayer ? resultLayer.outputType : 'input_t',
    pipelineII: Math.max(1, ...graph.layers.map((l) => l.reuseFactor)),
    layers,
    arrays: layers.flatMap((l) => l.arrays),
    copiesInputToOutput: !resultLayer,
    inputSizeDefine: 'N_IN',
    outputSizeDefine: 'N_OUT',
  };
}

const emit = <K extends LayerKind>(layer: LayerOf<K>, ctx: EmitContext): LayerEmission =>
  (HLS_EMITTERS[layer.kind] as LayerEmitter<K>)(layer, ctx);

function contextFor(graph: Graph, layer: Layer, index: number, input: Port, output: Port): EmitContext {
  const origin = layer.origin ? `, from ${layer.origin.op} '${layer.origin.node}'` : '';
  return {
    index,
    layer,
    comment: cppComment(`layer ${index} '${layer.name}' (${layer.kind}${origin})`),
    input,
    output,
    typeName: (v: PrecisionVar) => `${v}${index}_t`,
    precision(v: PrecisionVar): FixedType {
      const t = layer.precision[v];
      if (!t) throw fail('bad-precision', { file: graph.file, layer: layer.name, op: layer.kind }, `precision '${v}' must be set, not missing`);
      return t;
    },
  };
}

function layerView(ctx: EmitContext, e: Extract<LayerEmission, { kind: 'kernel' }>, isFinal: boolean): LayerView {
  const n = ctx.index;
  return {
    index: n,
    comment: ctx.comment,
    typedefs: [
      { name: ctx.output.type, cppType: formatFixedType(ctx.layer.precision.result) },
      ...e.types.map((v) => ({ name: ctx.typeName(v), cppType: formatFixedType(ctx.precision(v)) })),
    ],
    hasConfig: true,
    config: {
      name: `config${n}`,
      constants: [{ cType: 'unsigned', name: 'n_in', value: String(ctx.input.size) }, ...e.constants],
      typedefs: [...e.types.map((v) => ({ name: `${v}_t`, cppType: ctx.typeName(v) })), ...(e.configTypedefs ?? [])],
    },
    hasCall: true,
    kernel: `${e.kernel}<${ctx.input.type}, ${ctx.output.type}, config${n}>`,
    args: e.args.join(', '),
    declaresOutput: !isFinal,
    outputType: ctx.output.type,
    outputVar: ctx.output.name,
    outputSize: `N_LAYER_${n}`,
    sizeDefine: `N_LAYER_${n}`,
    sizeValue: ctx.output.size,
    arrays: e.arrays,
  };
}

function singleInput(graph: Graph): Layer {
  const inputs = graph.layers.filter((l) => l.kind === 'input');
  if (inputs.length !== 1)
    throw fail('unsupported-topology', { file: graph.file }, `the HLS backend needs exactly one input layer, not ${inputs.length}`);
  return inputs[0];
}

function singleOutput(graph: Graph): Layer {
  const out = graph.outputs.length === 1 ? graph.layers.find((l) => l.name === graph.outputs[0]) : undefined;
  if (!out) throw fail('unsupported-topology', { file: graph.file }, `the HLS backend needs exactly one output layer, not [${graph.outputs.join(', ')}]`);
  return out;
}

/** A Tcl word that stays one literal word: braces disable every substitution (part names never contain braces). */
function tclWord(text: string): string {
  if (/[{}\\\n]/.test(text)) throw fail('config-bad-value', { key: 'Part' }, `must be a part name without braces, backslashes or newlines, not ${JSON.stringify(text)}`);
  return `{${text}}`;
}

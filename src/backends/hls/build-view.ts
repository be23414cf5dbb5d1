import type { ProjectConfig } from '../../config/project-config.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import { formatFixedType, type FixedType } from '../../fixed/index.ts';
import { sizeOf, type Graph } from '../../ir/graph.ts';
import { KINDS } from '../../ir/kinds.ts';
import type { Layer, LayerKind, LayerOf, PrecisionVar } from '../../ir/layers.ts';
import { designInitiationInterval, pipelineStyle } from '../../ir/timing.ts';
import { walk } from '../../ir/walk.ts';
import type { EmitContext, KernelEmission, LayerEmission, LayerEmitter, Port } from './emit-context.ts';
import { headersFor } from './emitters/headers.ts';
import { HLS_EMITTERS } from './emitters/registry.ts';
import { cppComment, cppIdentifier } from './names.ts';
import { inputPort, inputPortViews, outputName, outputPortViews } from './ports.ts';
import type { CallView, LayerView, ProjectView, SizeDefineView } from './view-model.ts';

export const GENERATOR = 'hlsforge';

/** The fields of a project view that do not depend on the IOType: names, part, clock, backend, port totals. */
export function projectBasics(graph: Graph, config: ProjectConfig, version: string, project: string, inputs: readonly { size: number }[], outputs: readonly { size: number }[]) {
  return {
    headerGuard: `${project.toUpperCase()}_H_`,
    generator: `${GENERATOR} ${version}`,
    modelComment: cppComment(graph.name),
    part: config.part,
    partTcl: tclWord(config.part),
    clockPeriod: String(config.clockPeriod),
    backend: config.backend,
    vivadoPrimary: config.backend === 'Vivado',
    inputSize: inputs.reduce((a, p) => a + p.size, 0),
    outputSize: outputs.reduce((a, p) => a + p.size, 0),
  };
}

/**
 * Graph (every precision filled by apply-config) → the view model every HLS template reads. Each layer's output
 * array is declared once and read by every consumer; a network output is a parameter of the top function.
 */
export function buildProjectView(graph: Graph, config: ProjectConfig, version: string): ProjectView {
  if (!graph.layers.some((l) => l.kind === 'input')) throw fail('unsupported-topology', { file: graph.file }, 'the graph must have an input layer, not none');
  const layers: LayerView[] = [];
  const direct = new Set<string>();
  let inputCount = 0;
  const ports = walk<Port>(graph, (layer, inputs, position) => {
    if (layer.kind === 'input') return inputPort(layer, inputCount++);
    const index = position + 1;
    const isOutput = graph.outputs.includes(layer.name);
    const fixed = KINDS[layer.kind].passThrough ? inputs[0].fixed : layer.precision.result;
    const output: Port = { name: outputName(index), type: `layer${index}_t`, size: sizeOf(layer.shape), shape: layer.shape, fixed };
    const ctx = contextFor(graph, layer, index, inputs, output);
    const emission = emit(layer, ctx);
    // an alias: the same array under this layer's shape
    if (emission.kind === 'alias') return { ...inputs[0], shape: layer.shape };
    if (isOutput) direct.add(layer.name);
    layers.push(layerView(ctx, emission, isOutput));
    return output;
  });

  const inputs = inputPortViews(graph, ports);
  const { outputs, copies } = outputPortViews(graph, ports, direct);
  const project = cppIdentifier(config.projectName);
  const sizeDefines: SizeDefineView[] = [
    ...inputs.map((p) => ({ name: p.sizeDefine, value: p.size })),
    ...outputs.map((p) => ({ name: p.sizeDefine, value: p.size })),
    ...layers.map((l) => ({ name: l.sizeDefine, value: l.sizeValue })),
  ];
  const params = [...inputs, ...outputs];
  return {
    project,
    ioType: 'io_parallel',
    isStream: false,
    ...projectBasics(graph, config, version, project, inputs, outputs),
    pipelineII: designInitiationInterval(graph),
    dataflow: pipelineStyle(graph) === 'dataflow',
    layers,
    arrays: layers.flatMap((l) => l.arrays),
    inputs,
    outputs,
    copies,
    hasCopies: copies.length > 0,
    parameters: params.map((p) => `${p.type} ${p.name}[${p.sizeDefine}]`).join(', '),
    portNames: params.map((p) => p.name).join(', '),
    tbCallArgs: [...inputs.map((p) => `&${p.tbVar}[(size_t)s * ${p.sizeDefine}]`), ...outputs.map((p) => p.tbVar)].join(', '),
    tbFirstOutput: outputs[0]?.tbVar ?? '',
    sizeDefines,
    includes: headersFor(graph.layers.map((l) => l.kind)),
    inputSizeDefine: 'N_IN',
    outputSizeDefine: 'N_OUT',
  };
}

const emit = <K extends LayerKind>(layer: LayerOf<K>, ctx: EmitContext): LayerEmission =>
  (HLS_EMITTERS[layer.kind] as LayerEmitter<K>)(layer, ctx);

export function contextFor(graph: Graph, layer: Layer, index: number, inputs: readonly Port[], output: Port): EmitContext {
  const origin = layer.origin ? `, from ${layer.origin.op} '${layer.origin.node}'` : '';
  const what = layer.kind === 'merge' ? `merge ${layer.op}` : layer.kind;
  return {
    index,
    layer,
    comment: cppComment(`layer ${index} '${layer.name}' (${what}${origin})`),
    input: inputs[0],
    inputs,
    output,
    typeName: (v: PrecisionVar) => `${v}${index}_t`,
    precision(v: PrecisionVar): FixedType {
      const t = layer.precision[v];
      if (!t) throw fail('bad-precision', { file: graph.file, layer: layer.name, op: layer.kind }, `precision '${v}' must be set, not missing`);
      return t;
    },
  };
}

function layerView(ctx: EmitContext, e: KernelEmission, isOutput: boolean): LayerView {
  const n = ctx.index;
  const calls: CallView[] =
    'calls' in e ? [...e.calls] : [{ kernel: `${e.kernel}<${ctx.input.type}, ${ctx.output.type}, config${n}>`, args: e.args.join(', ') }];
  return {
    index: n,
    comment: ctx.comment,
    typedefs: [
      { name: ctx.output.type, cppType: formatFixedType(ctx.output.fixed) },
      ...e.types.map((v) => ({ name: ctx.typeName(v), cppType: formatFixedType(ctx.precision(v)) })),
    ],
    hasConfig: true,
    config: {
      name: `config${n}`,
      constants: [{ cType: 'unsigned', name: 'n_in', value: String(ctx.input.size) }, ...e.constants],
      typedefs: [...e.types.map((v) => ({ name: `${v}_t`, cppType: ctx.typeName(v) })), ...(e.configTypedefs ?? [])],
    },
    calls,
    locals: 'locals' in e ? [...e.locals] : [],
    declaresOutput: !isOutput,
    outputType: ctx.output.type,
    outputVar: ctx.output.name,
    outputSize: `N_LAYER_${n}`,
    sizeDefine: `N_LAYER_${n}`,
    sizeValue: ctx.output.size,
    arrays: e.arrays,
  };
}

/** A Tcl word that stays one literal word: braces disable every substitution (part names never contain braces). */
export function tclWord(text: string): string {
  if (/[{}\\\n]/.test(text)) throw fail('config-bad-value', { key: 'Part' }, `must be a part name without braces, backslashes or newlines, not ${JSON.stringify(text)}`);
  return `{${text}}`;
}

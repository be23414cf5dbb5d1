import type { ProjectConfig } from '../../../config/project-config.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import { formatFixedType } from '../../../fixed/index.ts';
import type { Graph } from '../../../ir/graph.ts';
import { projectBasics } from '../build-view.ts';
import { headersFor } from '../emitters/headers.ts';
import { cppComment, cppIdentifier } from '../names.ts';
import type { LayerView, PortView, ProjectView } from '../view-model.ts';
import { MIN_DEPTH, scheduleStreams } from './schedule.ts';
import { buildStreamDesign, type StreamDesign } from './stream-build.ts';
import { streamGraph } from './stream-graph.ts';
import type { StreamPortView, StreamView } from './stream-view.ts';

/** Graph → the view model of an io_stream project (docs/hls.md, "io_stream"). */
export function buildStreamProjectView(graph: Graph, config: ProjectConfig, version: string): ProjectView {
  if (!graph.layers.some((l) => l.kind === 'input')) throw fail('unsupported-topology', { file: graph.file }, 'the graph must have an input layer, not none');
  const d = buildStreamDesign(graph);
  const schedule = scheduleStreams(d.scheduled, new Map(d.inputs.map((p) => [p.name, p.packs])));
  const inputs = portViews(d.inputs, 'N_INPUT', 'x', (p) => cppComment(`input '${p.layer}'`), d.orders);
  const outputs = portViews(d.outputs, 'N_OUTPUT', 'y', (p) => cppComment(`output ${p.k + 1}: layer ${p.index} '${p.layer}'`), d.orders);
  const busiest = Math.max(1, ...d.scheduled.map((p) => busyCycles(p.iterations)));
  const params = [...inputs, ...outputs].map((p) => `hls::stream<${p.type}> &${p.name}`).join(', ');
  const stream: StreamView = {
    typedefGroups: [
      ...d.inputs.map((p, k) => ({ comment: inputs[k].comment, typedefs: [{ name: p.elemType, cppType: formatFixedType(p.fixed) }, { name: p.packType, cppType: `nnet::array<${p.elemType}, ${p.pack}>` }] })),
      ...d.layers.map((l) => ({ comment: l.comment, typedefs: l.typedefs })),
      ...d.outputs.map((p, k) => ({ comment: outputs[k].comment, typedefs: [{ name: outputs[k].type, cppType: `nnet::array<${p.elemType}, ${p.pack}>` }] })),
    ],
    streams: [...d.streams].map(([name, s]) => {
      const depth = schedule.depths.get(name) ?? MIN_DEPTH;
      return { name, packType: s.packType, depth, comment: `${s.packs} pack(s) of ${s.pack} per sample; depth ${depth}: the most the schedule ever holds (at least ${MIN_DEPTH})` };
    }),
    functions: d.functions,
    processes: d.processes,
    inputs,
    outputs,
    parameters: params,
    latency: schedule.lastWrite,
    ii: busiest,
  };
  const project = cppIdentifier(config.projectName);
  const layers: LayerView[] = d.layers.flatMap((l) =>
    l.config
      ? [{ index: l.index, comment: l.comment, typedefs: l.typedefs, hasConfig: true, config: l.config, calls: [], locals: [], declaresOutput: false, outputType: '', outputVar: '', outputSize: '', sizeDefine: `N_LAYER_${l.index}`, sizeValue: 0, arrays: l.arrays }]
      : [],
  );
  return {
    project,
    ioType: 'io_stream',
    isStream: true,
    stream,
    ...projectBasics(graph, config, version, project, inputs, outputs),
    pipelineII: busiest,
    dataflow: true,
    layers,
    arrays: layers.flatMap((l) => l.arrays),
    inputs,
    outputs,
    copies: [],
    hasCopies: false,
    parameters: params,
    portNames: [...inputs, ...outputs].map((p) => p.name).join(', '),
    tbCallArgs: [...inputs, ...outputs].map((p) => p.name).join(', '),
    tbFirstOutput: outputs[0]?.tbVar ?? '',
    sizeDefines: [...inputs.map((p, k) => ({ name: `N_INPUT_${k + 1}`, value: p.size })), ...outputs.map((p, k) => ({ name: `N_OUTPUT_${k + 1}`, value: p.size }))],
    includes: [...new Set([...headersFor(graph.layers.map((l) => l.kind)), 'nnet_stream.h', ...d.layers.flatMap((l) => l.headers)])],
    inputSizeDefine: 'N_IN',
    outputSizeDefine: 'N_OUT',
  };
}

function portViews<P extends StreamDesign['inputs'][number]>(
  ports: readonly P[],
  define: string,
  tb: string,
  comment: (p: P & { k: number }) => string,
  orders: ReadonlyMap<string, Int32Array>,
): StreamPortView[] {
  let offset = 0;
  return ports.map((p, k) => {
    const size = p.pack * p.packs;
    const view: StreamPortView = {
      name: p.name,
      type: define === 'N_INPUT' ? p.packType : k === 0 ? 'result_t' : `result${k + 1}_t`,
      elemType: p.elemType,
      pack: p.pack,
      packs: p.packs,
      size,
      offset,
      tbVar: `${tb}${k + 1}`,
      cppType: formatFixedType(p.fixed),
      sizeDefine: `${define}_${k + 1}`,
      comment: comment({ ...p, k }),
      hasOrder: orders.has(p.layer),
      orderFile: `tb_data/${p.name}_order.dat`,
    };
    offset += size;
    return view;
  });
}

/** Cycles a process is busy per sample: the sample interval it allows. */
function busyCycles(iterations: () => Iterable<{ cycles: number }>): number {
  let n = 0;
  for (const it of iterations()) n += it.cycles;
  return n;
}

/** The gather index files of the ports whose edge transpose the testbench applies (tb_data/<port>_order.dat). */
export function streamOrderFiles(graph: Graph, view: ProjectView): { file: string; order: Int32Array }[] {
  if (!view.stream) return [];
  const orders = streamGraph(graph).orders;
  const layers = [...graph.layers.filter((l) => l.kind === 'input').map((l) => l.name), ...graph.outputs];
  return [...view.stream.inputs, ...view.stream.outputs].flatMap((p, k) => (p.hasOrder ? [{ file: p.orderFile, order: orders.get(layers[k])! }] : []));
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { ProjectConfig } from '../../../config/project-config.ts';
import { formatVectors } from '../../../data/vectors.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';
import { formatFixedType } from '../../../fixed/index.ts';
import type { Graph } from '../../../ir/graph.ts';
import { writeModules } from '../files.ts';
import { countModule, type RtlDesignInfo } from '../plan.ts';
import type { RtlProjectMeta, RtlStreamPort, RtlTestVectors } from '../project.ts';
import { buildStreamDesign, elementsOf, type StreamDesign, type StreamPort } from './design.ts';

const TEMPLATE = fileURLToPath(new URL('../../../../templates/rtl/README-stream.md.hbs', import.meta.url));

export function streamDesignInfo(d: StreamDesign): RtlDesignInfo {
  return {
    latencyCycles: d.latencyCycles,
    ii: d.ii,
    stageNs: d.stageNs,
    worstStageNs: Math.max(0, ...d.stages.map((p) => p.stage.worstStageNs ?? 0)),
    delayBits: d.fifoBits,
    perLayer: d.stages.map((p) => ({
      name: p.layer.name,
      kind: p.layer.kind,
      module: p.stage.module.name,
      // (a stage fed only by leading padding may run before the first input transfer: shown as 0)
      start: Math.max(0, p.arrival.first),
      latency: p.stage.latency,
      ii: p.stage.ii,
      ...countModule(p.stage.module),
      outputType: formatFixedType(p.stage.outType),
    })),
  };
}

export const planRtlStream = (graph: Graph, config: ProjectConfig): RtlDesignInfo => streamDesignInfo(buildStreamDesign(graph, config));

/** Writes an io_stream RTL project: the same files as io_parallel (rtl/, tb_data, hlsforge.json, README.md). */
export function writeRtlStreamProject(graph: Graph, config: ProjectConfig, dir: string, data: RtlTestVectors): RtlDesignInfo {
  const d = buildStreamDesign(graph, config);
  const [inputSize, outputSize] = [elementsOf(d.input), elementsOf(d.output)];
  if (data.inputs.length !== data.batch * inputSize || data.predictions.length !== data.batch * outputSize)
    throw fail('input-shape', { file: graph.file }, `test vectors must hold ${data.batch} × ${inputSize} inputs and ${data.batch} × ${outputSize} predictions, not ${data.inputs.length} and ${data.predictions.length}`);
  const modules = [...d.stages.map((p) => p.stage.module), ...d.fifos, d.top];
  const { sources, romFiles } = writeModules(dir, modules);
  write(join(dir, 'tb_data/tb_input_features.dat'), formatVectors({ data: data.inputs, batch: data.batch, width: inputSize }, 'dat'));
  write(join(dir, 'tb_data/tb_output_predictions.dat'), formatVectors({ data: data.predictions, batch: data.batch, width: outputSize }, 'dat'));
  const info = streamDesignInfo(d);
  const [inType, outType] = [formatFixedType(d.input.tensor.type), formatFixedType(d.output.tensor.type)];
  const meta: RtlProjectMeta = {
    backend: 'RTL',
    ioType: 'io_stream',
    project: config.projectName,
    top: d.top.name,
    inputSize,
    outputSize,
    inputs: [{ name: d.input.name, size: inputSize, type: inType }],
    outputs: [{ name: d.output.name, size: outputSize, type: outType }],
    inputType: inType,
    outputType: outType,
    stream: { input: streamPort(d.input, 'input', dir), output: streamPort(d.output, 'output', dir) },
    clockPeriod: config.clockPeriod,
    sources,
    romFiles,
    samples: data.batch,
    ...info,
  };
  write(join(dir, 'hlsforge.json'), JSON.stringify(meta, null, 2) + '\n');
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  write(
    join(dir, 'README.md'),
    render({
      ...meta,
      inputName: d.input.name, outputName: d.output.name,
      inMsb: d.input.width - 1, outMsb: d.output.width - 1,
      inElements: d.input.stream.elements, outElements: d.output.stream.elements,
      inTransfers: d.input.stream.transfers, outTransfers: d.output.stream.transfers,
      inOrder: orderSentence(d.input, meta.stream!.input, graph), outOrder: orderSentence(d.output, meta.stream!.output, graph),
    }),
  );
  return info;
}

/** The port's stream, and the gather file (written here) when it streams a channels-first tensor channels-last. */
function streamPort(p: StreamPort, side: 'input' | 'output', dir: string): RtlStreamPort {
  const port = { transfers: p.stream.transfers, elements: p.stream.elements, bits: p.width };
  if (!p.order) return port;
  const file = `tb_data/${side}_order.dat`;
  write(join(dir, file), formatVectors({ data: Float64Array.from(p.order.index), batch: 1, width: p.order.index.length }, 'dat'));
  return { ...port, order: { file, modelShape: p.order.modelShape, portShape: p.order.channelsLastShape } };
}

/** The generated README's statement of a port's element order. */
function orderSentence(p: StreamPort, port: RtlStreamPort, graph: Graph): string {
  const model = graph.layers.find((l) => l.name === p.name)?.shape ?? p.tensor.shape;
  const shape = `[${p.tensor.shape.join(', ')}]`;
  const declared = model.join(', ') === p.tensor.shape.join(', ') ? shape : `${shape} (the model file's [${model.join(', ')}])`;
  if (!port.order) return `'${p.name}' ${declared}, the same elements in the same order as a row of \`tb_data\`.`;
  const o = port.order;
  return (
    `'${p.name}' is [${o.modelShape.join(', ')}] (channels first) in the model file; the port streams it channels last, ` +
    `[${o.portShape.join(', ')}] in row-major order, so port element j is element order[j] of a \`tb_data\` row, with order in ` +
    `\`${o.file}\` (rtl-sim converts).`
  );
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

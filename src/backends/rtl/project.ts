import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.ts';
import { formatVectors } from '../../data/vectors.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import { formatFixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
import { buildDesign, type PortSegment } from './design.ts';
import { designInfo, type RtlDesignInfo } from './plan.ts';
import { renderReadme } from './readme.ts';
import { RTL_DIR, writeModules } from './files.ts';
import { writeRtlStreamProject } from './stream/project.ts';

/** Files of an RTL project, relative to its folder. */
export const RTL_FILES = {
  rtlDir: RTL_DIR,
  inputs: 'tb_data/tb_input_features.dat',
  predictions: 'tb_data/tb_output_predictions.dat',
  meta: 'hlsforge.json',
  readme: 'README.md',
} as const;

/** hlsforge.json of an RTL project (read back by `hlsforge rtl-sim`). */
export interface RtlProjectMeta extends RtlDesignInfo {
  readonly backend: 'RTL';
  readonly project: string;
  readonly top: string;
  /** total elements of in_data / out_data */
  readonly inputSize: number;
  readonly outputSize: number;
  /** the packed segments of in_data (graph input layers in graph order) and out_data (graph.outputs in order) */
  readonly inputs: readonly RtlPortSegment[];
  readonly outputs: readonly RtlPortSegment[];
  /** the type of the first segment (older readers; the segments are the truth) */
  readonly inputType: string;
  readonly outputType: string;
  readonly clockPeriod: number;
  /** Verilog files, top last */
  readonly sources: readonly string[];
  /** ROM contents the sources read with `$readmemh` (beside them in rtl/; absent in projects written before) */
  readonly romFiles?: readonly string[];
  readonly samples: number;
  /** absent: io_parallel */
  readonly ioType?: 'io_parallel' | 'io_stream';
  /** io_stream: the transfers (pixels) of the input and output tensors, `bits` per transfer */
  readonly stream?: { readonly input: RtlStreamPort; readonly output: RtlStreamPort };
}

export interface RtlStreamPort {
  readonly transfers: number;
  readonly elements: number;
  readonly bits: number;
  /**
   * The model's tensor is channels-first and the port streams it channels-last (the edge transpose is not built):
   * `file` (tb_data) holds the gather, port element j = element order[j] of a tb_data row.
   */
  readonly order?: { readonly file: string; readonly modelShape: readonly number[]; readonly portShape: readonly number[] };
}

/** One graph input or output in the packed top port: `size` elements of `type`, after the segments before it. */
export interface RtlPortSegment {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

export interface RtlTestVectors {
  readonly inputs: Float64Array;
  readonly predictions: Float64Array;
  readonly batch: number;
}

/** Writes rtl/*.v (one module per layer and the top), tb_data, hlsforge.json and README.md into `dir`. */
export function writeRtlProject(graph: Graph, config: ProjectConfig, dir: string, data: RtlTestVectors): RtlDesignInfo {
  if (config.ioType === 'io_stream') return writeRtlStreamProject(graph, config, dir, data);
  const d = buildDesign(graph, config);
  const [inputs, outputs] = [d.inputs.map(segment), d.outputs.map(segment)];
  const [inputSize, outputSize] = [total(inputs), total(outputs)];
  if (data.inputs.length !== data.batch * inputSize || data.predictions.length !== data.batch * outputSize)
    throw fail('input-shape', { file: graph.file }, `test vectors must hold ${data.batch} × ${inputSize} inputs and ${data.batch} × ${outputSize} predictions, not ${data.inputs.length} and ${data.predictions.length}`);
  const modules = [...d.layers.map((p) => p.hw.module), d.top];
  const { sources, romFiles } = writeModules(dir, modules);
  write(join(dir, RTL_FILES.inputs), formatVectors({ data: data.inputs, batch: data.batch, width: inputSize }, 'dat'));
  write(join(dir, RTL_FILES.predictions), formatVectors({ data: data.predictions, batch: data.batch, width: outputSize }, 'dat'));
  const info = designInfo(d);
  const meta: RtlProjectMeta = {
    backend: 'RTL',
    project: config.projectName,
    top: d.top.name,
    inputSize,
    outputSize,
    inputs,
    outputs,
    inputType: inputs[0].type,
    outputType: outputs[0].type,
    clockPeriod: config.clockPeriod,
    sources,
    romFiles,
    samples: data.batch,
    ...info,
  };
  write(join(dir, RTL_FILES.meta), JSON.stringify(meta, null, 2) + '\n');
  write(join(dir, RTL_FILES.readme), renderReadme(meta, graph));
  return info;
}

const segment = (s: PortSegment): RtlPortSegment => ({ name: s.name, size: s.size, type: formatFixedType(s.type) });
const total = (segs: readonly RtlPortSegment[]): number => segs.reduce((n, s) => n + s.size, 0);

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.ts';
import { formatVectors } from '../../data/vectors.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import { formatFixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
import { buildDesign } from './design.ts';
import { designInfo, type RtlDesignInfo } from './plan.ts';
import { renderReadme } from './readme.ts';
import { writeVerilog } from './netlist/verilog.ts';

/** Files of an RTL project, relative to its folder. */
export const RTL_FILES = {
  rtlDir: 'rtl',
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
  readonly inputSize: number;
  readonly outputSize: number;
  readonly inputType: string;
  readonly outputType: string;
  readonly clockPeriod: number;
  /** Verilog files, top last */
  readonly sources: readonly string[];
  readonly samples: number;
}

export interface RtlTestVectors {
  readonly inputs: Float64Array;
  readonly predictions: Float64Array;
  readonly batch: number;
}

/** Writes rtl/*.v (one module per layer and the top), tb_data, hlsforge.json and README.md into `dir`. */
export function writeRtlProject(graph: Graph, config: ProjectConfig, dir: string, data: RtlTestVectors): RtlDesignInfo {
  const d = buildDesign(graph, config);
  if (data.inputs.length !== data.batch * d.inputSize || data.predictions.length !== data.batch * d.outputSize)
    throw fail('input-shape', { file: graph.file }, `test vectors must hold ${data.batch} × ${d.inputSize} inputs and ${data.batch} × ${d.outputSize} predictions, not ${data.inputs.length} and ${data.predictions.length}`);
  const modules = [...d.layers.map((p) => p.hw.module), d.top];
  const sources = modules.map((m) => `${RTL_FILES.rtlDir}/${m.name}.v`);
  modules.forEach((m, i) => write(join(dir, sources[i]), writeVerilog(m)));
  write(join(dir, RTL_FILES.inputs), formatVectors({ data: data.inputs, batch: data.batch, width: d.inputSize }, 'dat'));
  write(join(dir, RTL_FILES.predictions), formatVectors({ data: data.predictions, batch: data.batch, width: d.outputSize }, 'dat'));
  const info = designInfo(d);
  const meta: RtlProjectMeta = {
    backend: 'RTL',
    project: config.projectName,
    top: d.top.name,
    inputSize: d.inputSize,
    outputSize: d.outputSize,
    inputType: formatFixedType(d.inputType),
    outputType: formatFixedType(d.outputType),
    clockPeriod: config.clockPeriod,
    sources,
    samples: data.batch,
    ...info,
  };
  write(join(dir, RTL_FILES.meta), JSON.stringify(meta, null, 2) + '\n');
  write(join(dir, RTL_FILES.readme), renderReadme(meta));
  return info;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

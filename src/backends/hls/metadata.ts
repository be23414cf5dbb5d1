import type { ProjectConfig } from '../../config/project-config.ts';
import { formatFixedType, type FixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
import { producerOf } from './producer.ts';
import { META_FORMAT, PROJECT_FILES, type HlsProjectMeta } from './project-meta.ts';
import type { ProjectView } from './view-model.ts';

export function projectMeta(graph: Graph, config: ProjectConfig, view: ProjectView, version: string, samples: number): HlsProjectMeta {
  const p = view.project;
  return {
    format: META_FORMAT,
    formatVersion: 1,
    hlsforgeVersion: version,
    project: p,
    model: graph.name,
    backend: config.backend,
    buildScript: view.vivadoPrimary ? 'build_prj.tcl' : 'build_prj_vitis.tcl',
    part: config.part,
    clockPeriod: config.clockPeriod,
    ioType: config.ioType,
    input: { size: view.inputSize, type: view.inputType },
    output: { size: view.outputSize, type: formatFixedType(outputFixedType(graph)) },
    samples,
    files: {
      top: `firmware/${p}.cpp`,
      testbench: `${p}_test.cpp`,
      inputs: PROJECT_FILES.inputs,
      predictions: PROJECT_FILES.predictions,
      csimResults: PROJECT_FILES.csimResults,
    },
    layers: graph.layers.map((l, i) => ({
      index: i + 1,
      name: l.name,
      kind: l.kind,
      shape: [...l.shape],
      reuseFactor: l.reuseFactor,
      strategy: l.strategy,
      precision: Object.fromEntries(Object.entries(l.precision).flatMap(([k, t]) => (t ? [[k, formatFixedType(t)]] : []))),
    })),
  };
}

function outputFixedType(graph: Graph): FixedType {
  const output = graph.layers.find((l) => l.name === graph.outputs[0]);
  if (!output) throw new Error('projectMeta: the graph has no output layer');
  return producerOf(graph, output).precision.result;
}

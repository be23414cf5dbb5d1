import type { ProjectConfig } from '../../config/project-config.ts';
import { formatFixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
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
    input: { size: view.inputSize, type: view.inputs[0].cppType },
    output: { size: view.outputSize, type: view.outputs[0]?.cppType ?? view.inputs[0].cppType },
    inputs: view.inputs.map((p) => ({ name: p.name, size: p.size, type: p.cppType })),
    outputs: view.outputs.map((p) => ({ name: p.name, size: p.size, type: p.cppType })),
    ii: view.pipelineII,
    pipelineStyle: view.dataflow ? 'dataflow' : 'pipeline',
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

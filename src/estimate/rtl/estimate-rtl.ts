import { buildDesign } from '../../backends/rtl/design.ts';
import type { ProjectConfig } from '../../config/project-config.ts';
import type { Graph } from '../../ir/graph.ts';
import { backendEstimate, deepestStage, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { estimateRtlStream } from './estimate-rtl-stream.ts';
import { moduleCost } from './module-cost.ts';

export const TOP_ROW = '(top: in/out registers, valid, delay lines)';

/**
 * The RTL backend's figures, counted on the netlist it generates: latency and II exactly as the design's (and so as
 * Verilator measures them), resources by mapping each cell the way Yosys `synth_xilinx -family xcup` does. Any graph
 * the RTL backend builds (branches, merges, several inputs and outputs) is counted the same way: each layer module,
 * then the top with its delay registers (flip-flops, or SRL LUTs for lines of 3 or more, as Yosys maps them).
 * An io_stream design is counted on its own netlist (estimate-rtl-stream.ts).
 */
export function estimateRtl(graph: Graph, config: ProjectConfig): BackendEstimate {
  if (config.ioType === 'io_stream') return estimateRtlStream(graph, config);
  const design = buildDesign(graph, config);
  const layers: LayerEstimate[] = design.layers.map((p) => {
    const { multipliers, ...resources } = moduleCost(p.hw.module);
    return { name: p.layer.name, kind: p.layer.kind, ...resources, multipliers, latencyCycles: p.hw.latency, ii: p.hw.ii };
  });
  const { multipliers, ...top } = moduleCost(design.top);
  // the top holds the input register (II > 1), the valid pipeline and the delay lines that balance branches (design.delayBits)
  // its cycles: the input register (II > 1), and the out register when the last layer hands its result on still in logic
  const topCycles = design.latencyCycles - Math.max(...design.outputValues.map((v) => v.at));
  const withTop: LayerEstimate[] = [...layers, { name: TOP_ROW, kind: 'top', ...top, multipliers, latencyCycles: topCycles, ii: 1 }];
  return backendEstimate('RTL', 'counted on the generated netlist; cells mapped as Yosys synth_xilinx -family xcup maps them', withTop, {
    latencyCycles: design.latencyCycles,
    ii: design.ii,
    clockPeriod: config.clockPeriod,
    pipeline: deepestStage(design.layers.map((p) => ({ name: p.layer.name, worstStageNs: p.hw.worstStageNs })), design.stageNs),
  });
}

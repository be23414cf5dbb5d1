import { buildDesign } from '../../backends/rtl/design.ts';
import type { ProjectConfig } from '../../config/project-config.ts';
import type { Graph } from '../../ir/graph.ts';
import { addResources, NO_RESOURCES, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { moduleCost } from './module-cost.ts';

/**
 * The RTL backend's figures, counted on the netlist it generates: latency and II exactly as the design's (and so as
 * Verilator measures them), resources by mapping each cell the way Yosys `synth_xilinx -family xcup` does.
 */
export function estimateRtl(graph: Graph, config: ProjectConfig): BackendEstimate {
  const design = buildDesign(graph, config);
  const layers: LayerEstimate[] = design.layers.map((p) => {
    const { multipliers, ...resources } = moduleCost(p.hw.module);
    return { name: p.layer.name, kind: p.layer.kind, ...resources, multipliers, latencyCycles: p.hw.latency, ii: p.hw.ii };
  });
  const { multipliers, ...top } = moduleCost(design.top);
  const withTop: LayerEstimate[] = [...layers, { name: '(top: input register, valid)', kind: 'top', ...top, multipliers, latencyCycles: 1, ii: 1 }];
  return {
    backend: 'RTL',
    method: 'counted on the generated netlist; cells mapped as Yosys synth_xilinx -family xcup maps them',
    layers: withTop,
    total: withTop.reduce<typeof NO_RESOURCES>((t, l) => addResources(t, l), NO_RESOURCES),
    latencyCycles: design.latencyCycles,
    latencyNs: design.latencyCycles * config.clockPeriod,
    ii: design.ii,
    clockPeriod: config.clockPeriod,
  };
}

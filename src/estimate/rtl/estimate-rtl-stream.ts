import { buildStreamDesign } from '../../backends/rtl/stream/design.ts';
import type { ProjectConfig } from '../../config/project-config.ts';
import type { Graph } from '../../ir/graph.ts';
import { addResources, backendEstimate, deepestStage, NO_RESOURCES, type BackendEstimate, type LayerEstimate } from '../types.ts';
import { moduleCost } from './module-cost.ts';

export const STREAM_TOP_ROW = '(top: forks, and FIFOs into joins)';

/**
 * The RTL backend's figures for an io_stream design, counted on the netlist it generates: each stage module (a layer
 * may build several, e.g. a window generator and its datapath; the rows are named after the layer), then the top with
 * every FIFO instance it holds. Latency and II are the design's planned ones (stream/timing-plan.ts: the simulated
 * valid/ready handshakes), the figures `rtl-sim` measures.
 */
export function estimateRtlStream(graph: Graph, config: ProjectConfig): BackendEstimate {
  const d = buildStreamDesign(graph, config);
  const perLayer = new Map<string, number>();
  for (const p of d.stages) perLayer.set(p.layer.name, (perLayer.get(p.layer.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const layers: LayerEstimate[] = d.stages.map((p) => {
    const k = seen.get(p.layer.name) ?? 0;
    seen.set(p.layer.name, k + 1);
    const name = perLayer.get(p.layer.name)! > 1 ? `${p.layer.name} (stage ${k + 1})` : p.layer.name;
    const { multipliers, ...resources } = moduleCost(p.stage.module);
    return { name, kind: p.layer.kind, ...resources, multipliers, latencyCycles: p.stage.latency, ii: p.stage.ii };
  });
  const fifoCost = new Map(d.fifos.map((m) => [m.name, moduleCost(m)]));
  const { multipliers, ...glue } = moduleCost(d.top);
  const fifos = d.top.cells.flatMap((c) => (c.op === 'inst' && fifoCost.has(c.module) ? [fifoCost.get(c.module)!] : []));
  const top = fifos.reduce<typeof NO_RESOURCES>((t, f) => addResources(t, f), glue);
  const withTop: LayerEstimate[] = [...layers, { name: STREAM_TOP_ROW, kind: 'top', ...top, multipliers, latencyCycles: 0, ii: 1 }];
  return backendEstimate('RTL', 'counted on the generated io_stream netlist; cells mapped as Yosys synth_xilinx -family xcup maps them; latency and II from the simulated handshakes', withTop, {
    latencyCycles: d.latencyCycles,
    ii: d.ii,
    clockPeriod: config.clockPeriod,
    pipeline: deepestStage(d.stages.map((p) => ({ name: p.layer.name, worstStageNs: p.stage.worstStageNs })), d.stageNs),
  });
}

import type { ProjectConfig } from '../../config/project-config.ts';
import { formatFixedType } from '../../fixed/index.ts';
import type { Graph } from '../../ir/graph.ts';
import { buildDesign, type RtlDesign } from './design.ts';
import type { Module } from './netlist/netlist.ts';
import { planRtlStream } from './stream/project.ts';

/** Per-layer hardware figures, counted on the generated netlist. */
export interface RtlLayerInfo {
  readonly name: string;
  readonly kind: string;
  readonly module: string;
  /** the cycle (after in_valid) its inputs are valid */
  readonly start: number;
  /** the logic depth (ns) its latest inputs arrive with in that cycle's stage (0: registered) (io_parallel; io_stream ports are registered) */
  readonly startDepthNs?: number;
  /** the logic depth (ns) its unregistered result leaves with in its last stage (0: registered, or wires) */
  readonly outDepthNs?: number;
  readonly latency: number;
  readonly ii: number;
  /** the largest logic delay one of its pipeline stages holds (ns; undefined when not pipelined by the scheduler) */
  readonly worstStageNs?: number;
  /** multiply cells (constant or shared) */
  readonly multipliers: number;
  /** add/sub cells, including the rounding adders of casts */
  readonly adders: number;
  /** flip-flop bits */
  readonly registerBits: number;
  /** ROM bits (lookup tables) */
  readonly romBits: number;
  readonly outputType: string;
}

export interface RtlDesignInfo {
  /** cycles from in_valid to out_valid */
  readonly latencyCycles: number;
  /** cycles between accepted samples */
  readonly ii: number;
  /** logic delay one pipeline stage may hold (ns, timing.ts) */
  readonly stageNs: number;
  /** the largest logic delay any pipelined stage holds (ns): at most stageNs unless one cell alone is longer */
  readonly worstStageNs: number;
  /** flip-flop bits of the top's delay lines (paths into merges balanced, outputs aligned) */
  readonly delayBits: number;
  readonly perLayer: readonly RtlLayerInfo[];
}

export function countModule(m: Module) {
  const count = (ops: string[]) => m.cells.filter((c) => ops.includes(c.op)).length;
  return {
    multipliers: count(['mul']),
    adders: count(['add', 'sub']),
    registerBits: m.cells.reduce((n, c) => n + (c.op === 'reg' ? c.out.width : 0), 0),
    romBits: m.roms.reduce((n, r) => n + r.width * r.words.length, 0),
  };
}

export function designInfo(d: RtlDesign): RtlDesignInfo {
  return {
    latencyCycles: d.latencyCycles,
    ii: d.ii,
    stageNs: d.stageNs,
    worstStageNs: Math.max(0, ...d.layers.map((p) => p.hw.worstStageNs ?? 0)),
    delayBits: d.delayBits,
    perLayer: d.layers.map((p) => ({
      name: p.layer.name,
      kind: p.layer.kind,
      module: p.hw.module.name,
      start: p.offset + (d.inputRegister ? 1 : 0),
      startDepthNs: Math.max(0, ...p.inputDepthNs),
      outDepthNs: p.hw.outDepthNs ?? 0,
      latency: p.hw.latency,
      ii: p.hw.ii,
      worstStageNs: p.hw.worstStageNs,
      ...countModule(p.hw.module),
      outputType: formatFixedType(p.hw.outType),
    })),
  };
}

/** Latency, II and per-layer figures of the design `writeRtlProject` would write, without writing anything. */
export const planRtl = (graph: Graph, config: ProjectConfig): RtlDesignInfo =>
  config.ioType === 'io_stream' ? planRtlStream(graph, config) : designInfo(buildDesign(graph, config));

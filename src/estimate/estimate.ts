import type { ProjectConfig } from '../config/project-config.ts';
import type { Graph } from '../ir/graph.ts';
import { estimateHls } from './hls/estimate-hls.ts';
import { estimateRtl } from './rtl/estimate-rtl.ts';
import type { Estimate } from './types.ts';

/**
 * Pre-synthesis estimate of a configured graph for both backends: the RTL figures are counted on the netlist the
 * RTL backend generates (exact latency and II); the HLS figures come from a documented model.
 */
export function estimate(graph: Graph, config: ProjectConfig): Estimate {
  const hls = estimateHls(graph, config);
  try {
    return { rtl: estimateRtl(graph, config), hls };
  } catch (e) {
    return { rtlError: (e as Error).message, hls };
  }
}

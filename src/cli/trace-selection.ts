import type { ProjectConfig } from '../config/project-config.ts';
import type { Graph } from '../ir/graph.ts';
import { settingOf } from '../passes/config-levels.ts';

/**
 * The layers `predict --trace` writes, in graph order. hls4ml's `Trace: true` (LayerName or LayerType) and
 * `TraceOutput: true` (Model) select layers; when nothing is selected (no Trace keys, or only `Trace: false`, which
 * hls4ml's config generator writes for every layer) every layer is written.
 */
export function tracedLayers(graph: Graph, config: ProjectConfig): string[] {
  const selected = graph.layers.filter((l) => settingOf(config, l, 'trace')?.value ?? config.defaults.trace ?? false);
  return (selected.length ? selected : graph.layers).map((l) => l.name);
}

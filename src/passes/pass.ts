import type { ProjectConfig } from '../config/project-config.ts';
import type { Graph } from '../ir/graph.ts';

/** A pass is a small pure function of the graph (STYLE.md habit 3); flows are arrays of imported pass objects. */
export interface Pass {
  readonly name: string;
  /** one line for `convert --verbose` */
  readonly description: string;
  run(graph: Graph, config: ProjectConfig): Graph;
}

export function runPasses(graph: Graph, config: ProjectConfig, passes: readonly Pass[], onPass?: (pass: Pass, after: Graph) => void): Graph {
  let g = graph;
  for (const p of passes) {
    g = p.run(g, config);
    onPass?.(p, g);
  }
  return g;
}

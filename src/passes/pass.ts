import type { ProjectConfig } from '../config/project-config.ts';
import type { Graph } from '../ir/graph.ts';
import { verifyGraph } from '../ir/verify.ts';

/** A pass is a small pure function of the graph (STYLE.md habit 3); flows are arrays of imported pass objects. */
export interface Pass {
  readonly name: string;
  /** one line for `convert --verbose` */
  readonly description: string;
  run(graph: Graph, config: ProjectConfig): Graph;
}

/** Run the flow; the graph verifier runs on the frontend's graph and again after every pass, so a pass that breaks an
 * invariant is caught where it did so. */
export function runPasses(graph: Graph, config: ProjectConfig, passes: readonly Pass[], onPass?: (pass: Pass, after: Graph) => void): Graph {
  let g = graph;
  verifyGraph(g);
  for (const p of passes) {
    g = p.run(g, config);
    verifyGraph(g);
    onPass?.(p, g);
  }
  return g;
}

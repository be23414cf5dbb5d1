import type { ProjectConfig } from '../config/project-config.ts';
import type { Vectors } from '../data/vectors.ts';
import type { Graph } from '../ir/graph.ts';
import type { EmulationResult } from '../emulator/index.ts';
import { buildReport } from './build-report.ts';
import { reportHtml } from './html.ts';
import { outputWidth, referenceComparer } from './reference.ts';

/** The name of the report page `convert` writes into the project. */
export const PROJECT_REPORT = 'report.html';

/**
 * The page `convert` writes into the project: on its test vectors (InputData, else the seeded random ones), compared
 * with OutputPredictions when the vectors are its InputData.
 */
export async function projectReportPage(graph: Graph, config: ProjectConfig, vectors: Vectors, o: { inputs: string; pause?: () => Promise<void>; fixed?: EmulationResult }): Promise<string> {
  const reference = config.inputData && config.outputPredictions ? referenceComparer(config.outputPredictions, vectors.batch, outputWidth(graph)) : undefined;
  return reportHtml(await buildReport(graph, config, vectors, { inputs: o.inputs, reference, pause: o.pause, fixed: o.fixed }));
}

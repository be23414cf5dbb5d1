import type { ProjectConfig } from '../../config/project-config.ts';
import type { Graph } from '../../ir/graph.ts';
import { checkHlsIoParallel } from './emitters/parallel-limit.ts';

/**
 * What the HLS backend would refuse at write time, checked right after the passes so nothing is emulated or written
 * first: io_parallel layers too large to unroll.
 */
export function checkHlsDesign(graph: Graph, config: Pick<ProjectConfig, 'backend' | 'ioType'>): void {
  checkHlsIoParallel(graph, config);
}

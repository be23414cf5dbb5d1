import { loadConfig } from '../config/load-config.ts';
import type { ProjectConfig } from '../config/project-config.ts';
import { loadModel } from '../frontends/load-model.ts';
import type { Graph } from '../ir/graph.ts';
import { applyConfig } from '../passes/apply-config.ts';
import { PASSES } from '../passes/index.ts';
import { runPasses } from '../passes/pass.ts';

/**
 * The graph a configuration talks about: the model after the passes up to apply-config, whose layer names are the
 * ones `LayerName` may use (later passes fuse or lower layers). Its quantizers are still `quant` layers, so its float
 * evaluation is the model as trained.
 */
export function configGraph(model: string): { config: ProjectConfig; graph: Graph } {
  const config = loadConfig({ model });
  const upTo = PASSES.indexOf(applyConfig) + 1;
  return { config, graph: runPasses(loadModel(config.model, config), config, PASSES.slice(0, upTo)) };
}

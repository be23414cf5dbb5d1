import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';

/** A project configuration from YAML text (HLSConfig etc.), written to a temporary file so diagnostics name it. */
export function yamlConfig(text: string): ProjectConfig {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-pass-'));
  const file = join(dir, 'config.yml');
  writeFileSync(file, `OnnxModel: m.onnx\n${text}`);
  return loadConfig({ configFile: file });
}

export const configured = (g: Graph, config: ProjectConfig = loadConfig({ model: 'm.onnx' })): Graph => applyConfig.run(g, config);

export { thrown as errorOf } from '../helpers/thrown.ts';

export const totalOverflows = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

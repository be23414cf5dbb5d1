import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { emulate } from '../../src/emulator/index.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import type { Pass } from '../../src/passes/pass.ts';
import { randomArray, rng } from '../emulator/build-graph.ts';
import { expect } from 'vitest';
import { tempDirForTest } from '../helpers/temp.ts';

/** A project configuration from YAML text (HLSConfig etc.), written to a temporary file so diagnostics name it. */
export function yamlConfig(text: string): ProjectConfig {
  const dir = tempDirForTest('pass');
  const file = join(dir, 'config.yml');
  writeFileSync(file, `OnnxModel: m.onnx\n${text}`);
  return loadConfig({ configFile: file });
}

export const configured = (g: Graph, config: ProjectConfig = loadConfig({ model: 'm.onnx' })): Graph => applyConfig.run(g, config);

export { thrown as errorOf } from '../helpers/thrown.ts';

export const totalOverflows = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

const X = randomArray(rng(4), 50 * 24, 4);
/** Run a pass that only moves data (24 inputs): fixed-point outputs bit-equal before and after, both graphs verify. */
export function runExact(g: Graph, pass: Pass): Graph {
  verifyGraph(g, { configured: true });
  const out = pass.run(g, undefined as never);
  verifyGraph(out, { configured: true });
  expect(Array.from(emulate(out, X, 50).output)).toEqual(Array.from(emulate(g, X, 50).output));
  return out;
}

import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig } from '../../config/project-config.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { Graph } from '../../ir/graph.ts';
import { buildProjectView } from './build-view.ts';
import { buildStreamProjectView, streamOrderFiles } from './stream/build-stream-view.ts';
import { plannedSources } from './file-plan.ts';
import { projectMeta } from './metadata.ts';
import { PROJECT_FILES } from './project-meta.ts';
import { vectorFile } from './tb-data.ts';
import { hlsforgeVersion } from './version.ts';

/** Our C++ sources: hls/nnet/ is the layer library, everything else under hls/ is our ap_types. */
const HLS_DIR = fileURLToPath(new URL('../../../hls/', import.meta.url));

export interface TestVectors {
  /** batch × input size, row-major */
  readonly inputs: Float64Array;
  /** batch × output size: the emulator's exact predictions */
  readonly predictions: Float64Array;
  readonly batch: number;
}

/**
 * Writes an hls4ml-style Vivado/Vitis HLS project for `graph` into `dir` (created if needed; the caller picks a
 * fresh folder and renames it into place).
 */
export function writeHlsProject(graph: Graph, config: ProjectConfig, dir: string, data: TestVectors): void {
  const version = hlsforgeVersion();
  const view = config.ioType === 'io_stream' ? buildStreamProjectView(graph, config, version) : buildProjectView(graph, config, version);
  checkVectors(data, view.inputSize, view.outputSize, graph.file);

  for (const file of plannedSources(view)) writeText(join(dir, file.path), file.content);
  writeText(join(dir, PROJECT_FILES.inputs), vectorFile(data.inputs, view.inputSize));
  writeText(join(dir, PROJECT_FILES.predictions), vectorFile(data.predictions, view.outputSize));
  for (const { file, order } of streamOrderFiles(graph, view)) writeText(join(dir, file), vectorFile(Float64Array.from(order), order.length));
  writeText(join(dir, PROJECT_FILES.meta), JSON.stringify(projectMeta(graph, config, view, version, data.batch), null, 2) + '\n');
  copyHeaders(join(HLS_DIR, 'nnet'), join(dir, PROJECT_FILES.nnetUtils));
  copyHeaders(HLS_DIR, join(dir, PROJECT_FILES.apTypes), ['nnet']);
}

function checkVectors(data: TestVectors, inputSize: number, outputSize: number, file?: string): void {
  if (!Number.isInteger(data.batch) || data.batch < 0)
    throw fail('input-shape', { file }, `the batch must be a non-negative integer, not ${data.batch}`);
  if (data.inputs.length !== data.batch * inputSize)
    throw fail('input-shape', { file }, `inputs must hold ${data.batch} × ${inputSize} values, not ${data.inputs.length}`);
  if (data.predictions.length !== data.batch * outputSize)
    throw fail('input-shape', { file }, `predictions must hold ${data.batch} × ${outputSize} values, not ${data.predictions.length}`);
}

function writeText(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Copies the .h files under `from` (keeping sub-folders, skipping `exclude`) into `to`. */
function copyHeaders(from: string, to: string, exclude: readonly string[] = []): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (exclude.includes(entry.name)) continue;
    if (entry.isDirectory()) copyHeaders(join(from, entry.name), join(to, entry.name));
    else if (entry.name.endsWith('.h')) cpSync(join(from, entry.name), join(to, entry.name));
  }
}

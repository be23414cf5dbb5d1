import { extname } from 'node:path';
import { existsSync } from 'node:fs';
import type { ProjectConfig } from '../config/project-config.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Graph } from '../ir/graph.ts';
import { loadOnnx } from './onnx/index.ts';

/** Pick the frontend by file type; frontends only translate into the IR. */
export function loadModel(file: string, config: ProjectConfig): Graph {
  if (!existsSync(file)) throw fail('file-not-found', { file });
  const ext = extname(file).toLowerCase();
  if (ext === '.onnx') return loadOnnx(file, { defaultPrecision: config.defaults.precision });
  throw fail('unsupported-model-format', { file }, `the model file must be .onnx, not '${ext || '(no extension)'}'; supported: .onnx (ONNX, QONNX)`);
}

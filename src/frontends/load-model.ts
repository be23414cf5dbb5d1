import { extname } from 'node:path';
import { existsSync } from 'node:fs';
import type { ProjectConfig } from '../config/project-config.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Graph } from '../ir/graph.ts';
import { KERAS_EXTENSIONS, loadKeras } from './keras/index.ts';
import { loadOnnx } from './onnx/index.ts';

/** Pick the frontend by file type; frontends only translate into the IR. */
export function loadModel(file: string, config: ProjectConfig): Graph {
  if (!existsSync(file)) throw fail('file-not-found', { file });
  const ext = extname(file).toLowerCase();
  if (ext === '.onnx') return loadOnnx(file, { defaultPrecision: config.defaults.precision });
  if (KERAS_EXTENSIONS.includes(ext)) return loadKeras(file, { defaultPrecision: config.defaults.precision, weights: config.weights });
  throw fail('unsupported-model-format', { file }, `the model file must be .onnx, .json, .h5 or .keras, not '${ext || '(no extension)'}'; supported: .onnx (ONNX, QONNX), .json (Keras JSON + weights .h5, TensorFlow.js model.json), .h5 (full Keras model), .keras (Keras 3)`);
}

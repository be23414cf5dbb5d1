import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import type { Graph } from '../../ir/graph.ts';
import { attrText, child, isGroup, openH5 } from './h5.ts';
import { readModelConfig } from './model-config.ts';
import type { WeightStore } from './tensor.ts';
import { translateKeras } from './translate.ts';
import { keras2Store } from './weights/keras2-h5.ts';
import { keras3Store } from './weights/keras3-h5.ts';
import { tfjsStore } from './weights/tfjs.ts';

export interface KerasOptions {
  readonly defaultPrecision: FixedType;
  /** the weights file (hls4ml's `KerasH5`) for a model JSON; else `<name>_weights.h5` beside it */
  readonly weights?: string;
}

export const KERAS_EXTENSIONS = ['.json', '.h5', '.hdf5', '.keras'];

/**
 * Read a Keras model in any of its file formats: model JSON + weights .h5 (Keras 2, hls4ml's KerasJson/KerasH5),
 * a full-model .h5 (model_config attribute + model_weights), a Keras 3 .keras zip (config.json + model.weights.h5),
 * or a TensorFlow.js model.json (modelTopology + weightsManifest shards).
 */
export function loadKeras(file: string, opts: KerasOptions): Graph {
  const ext = extname(file).toLowerCase();
  const name = basename(file, extname(file));
  const bytes = read(file);
  const base = { file, defaultPrecision: opts.defaultPrecision };
  if (ext === '.json') {
    const doc = parseJson(new TextDecoder().decode(bytes), file, 'the model JSON');
    if (doc && typeof doc === 'object' && 'modelTopology' in doc) {
      const d = doc as { modelTopology: Record<string, unknown>; weightsManifest?: unknown };
      const topology = d.modelTopology.model_config ?? d.modelTopology;
      return translateKeras(readModelConfig(topology, file), { ...base, name, weights: d.weightsManifest ? tfjsStore(d.weightsManifest, file) : undefined, missingWeights: 'the TensorFlow.js model.json must have a weightsManifest' });
    }
    const weightsFile = opts.weights ?? [join(dirname(file), `${name}_weights.h5`), join(dirname(file), `${name}.h5`)].find((f) => existsSync(f));
    const weights = weightsFile ? h5Weights(read(weightsFile), weightsFile) : undefined;
    const missingWeights = `the weights must be in an HDF5 file given as KerasH5 or named ${name}_weights.h5 beside the JSON, not absent`;
    return translateKeras(readModelConfig(doc, file), { ...base, name, weights, missingWeights });
  }
  if (ext === '.keras') return loadKeras3Zip(bytes, file, base, name);
  // .h5 / .hdf5: a full model (model_config attribute) or weights alone
  const h5 = openH5(bytes, file);
  const config = attrText(h5.attrs.model_config);
  if (!config) throw fail('keras-parse', { file }, 'the .h5 file must be a full model with a model_config attribute, not weights alone (give the model JSON as the model and this file as KerasH5)');
  return translateKeras(readModelConfig(parseJson(config, file, 'the model_config attribute'), file), { ...base, name, weights: h5Weights(bytes, file, h5) });
}

/** Keras 2 weights: the root of a weights file, or the model_weights group of a full-model file. */
function h5Weights(bytes: Uint8Array, file: string, opened?: ReturnType<typeof openH5>): WeightStore {
  const h5 = opened ?? openH5(bytes, file);
  const group = child(h5, 'model_weights');
  return keras2Store(isGroup(group) ? group : h5, file);
}

function loadKeras3Zip(bytes: Uint8Array, file: string, base: { file: string; defaultPrecision: FixedType }, name: string): Graph {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw fail('keras-parse', { file }, `a .keras file must be a zip archive, not ${bytes.length} bytes of something else (${(e as Error).message})`);
  }
  const config = entries['config.json'];
  const weights = entries['model.weights.h5'];
  if (!config) throw fail('keras-parse', { file }, `the .keras archive must hold config.json, not only ${Object.keys(entries).join(', ') || 'nothing'}`);
  const model = readModelConfig(parseJson(new TextDecoder().decode(config), file, 'config.json'), file);
  const store = weights ? keras3Store(openH5(weights, `${file}:model.weights.h5`), `${file}:model.weights.h5`) : undefined;
  return translateKeras(model, { ...base, name, weights: store, missingWeights: 'the .keras archive must hold model.weights.h5' });
}

function read(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw fail('file-not-found', { file });
  }
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fail('keras-parse', { file }, `${what} must be valid JSON (${(e as Error).message})`);
  }
}

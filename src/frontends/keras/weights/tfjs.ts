import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fail } from '../../../diagnostics/diagnostic.ts';
import type { WeightStore, WeightTensor } from '../tensor.ts';
import { showShape } from '../tensor.ts';

interface ManifestEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype?: string;
  readonly quantization?: unknown;
}
interface ManifestGroup {
  readonly paths: string[];
  readonly weights: ManifestEntry[];
}

/**
 * TensorFlow.js layers-model weights: `weightsManifest` lists groups; each group's shard files (beside model.json)
 * concatenated hold its weights back to back, little-endian float32, in manifest order. Names are `<layer>/<var>`.
 */
export function tfjsStore(manifest: unknown, modelFile: string): WeightStore {
  if (!Array.isArray(manifest)) throw fail('keras-parse', { file: modelFile }, 'weightsManifest must be a list of weight groups');
  const byLayer = new Map<string, Map<string, WeightTensor>>();
  for (const group of manifest as ManifestGroup[]) {
    const bytes = concat((group.paths ?? []).map((p) => readShard(resolve(dirname(modelFile), p), modelFile)));
    let offset = 0;
    for (const w of group.weights ?? []) {
      if ((w.dtype ?? 'float32') !== 'float32' || w.quantization) {
        throw fail('unsupported-dtype', { file: modelFile, layer: w.name }, `weight dtype must be unquantized float32, not ${w.quantization ? 'quantized ' : ''}${w.dtype}`);
      }
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (offset + 4 * size > bytes.length) {
        throw fail('missing-weights', { file: modelFile, layer: w.name }, `the weight shards must hold ${showShape(w.shape)} floats at byte ${offset}, not end at ${bytes.length}`);
      }
      const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 4 * size);
      const data = Float64Array.from({ length: size }, (_, i) => view.getFloat32(4 * i, true));
      offset += 4 * size;
      const parts = w.name.split('/');
      const owner = parts.length >= 2 ? parts[parts.length - 2] : w.name;
      const variable = parts[parts.length - 1].replace(/:\d+$/, '');
      if (!byLayer.has(owner)) byLayer.set(owner, new Map());
      byLayer.get(owner)!.set(variable, { shape: w.shape, data });
    }
  }
  return { file: modelFile, get: (layer, vars) => vars.map((v) => byLayer.get(layer.name)?.get(v)) };
}

function readShard(path: string, modelFile: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    throw fail('file-not-found', { file: path }, `weight shard listed in the weightsManifest of ${modelFile}`);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

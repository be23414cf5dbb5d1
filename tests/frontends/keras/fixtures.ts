import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import h5wasm, { type File as H5File, type Group as H5Group } from 'h5wasm/node';

/**
 * Keras model files made by the tests themselves (no third-party files): the model JSON written by hand, the
 * weights written with h5wasm in each layout Keras uses.
 */
export type Weights = Record<string, Record<string, { shape: number[]; data: number[] }>>;
export interface LayerJson {
  class_name: string;
  name?: string;
  config: Record<string, unknown>;
  inbound_nodes?: unknown[];
}

export const ready = async (): Promise<void> => {
  await h5wasm.ready;
};

/**
 * Keras 2 `save_weights` layout: root attribute layer_names; a group per layer with attribute weight_names
 * (`<owner>/<var>:0`, the owner being the layer itself or, in a nested model's group, its inner layer) and one
 * dataset per name under the group. `weights[group][weightName]`.
 */
export function writeKeras2Weights(path: string, weights: Weights, layerNames: string[], under?: string): void {
  const f = new h5wasm.File(path, under ? 'a' : 'w');
  const root = under ? f.create_group(under) : f;
  root.create_attribute('layer_names', layerNames);
  for (const layer of layerNames) {
    const g = root.create_group(layer);
    const vars = Object.entries(weights[layer] ?? {});
    g.create_attribute('weight_names', vars.length ? vars.map(([v]) => v) : ['']);
    for (const [v, t] of vars) {
      const [owner, name] = [v.slice(0, v.lastIndexOf('/')), v.slice(v.lastIndexOf('/') + 1)];
      groupAt(g, owner).create_dataset({ name, data: Float32Array.from(t.data), shape: t.shape });
    }
  }
  f.close();
}

/** A full-model .h5: attribute model_config (the JSON) and the weights under model_weights. */
export function writeFullH5(path: string, model: unknown, weights: Weights, layerNames: string[]): void {
  const f = new h5wasm.File(path, 'w');
  f.create_attribute('model_config', JSON.stringify(model));
  f.create_attribute('keras_version', '2.13.1');
  f.close();
  writeKeras2Weights(path, weights, layerNames, 'model_weights');
}

/** A Keras 3 .keras zip: config.json + model.weights.h5 with vars/<i> under each layer's saving path. */
export function writeKeras3(path: string, model: unknown, vars: Record<string, { shape: number[]; data: number[] }[]>): void {
  const h5 = `${path}.weights.h5`;
  const f = new h5wasm.File(h5, 'w');
  for (const [p, list] of Object.entries(vars)) {
    const g = groupAt(f, `${p}/vars`);
    list.forEach((t, i) => g.create_dataset({ name: String(i), data: Float32Array.from(t.data), shape: t.shape }));
  }
  f.close();
  const zip = zipSync({ 'config.json': new TextEncoder().encode(JSON.stringify(model)), 'metadata.json': new TextEncoder().encode('{}'), 'model.weights.h5': readFileSync(h5) });
  writeFileSync(path, zip);
}



/** The group at `path`, creating each missing level (h5wasm creates one level at a time). */
function groupAt(root: H5File | H5Group, path: string): H5Group {
  let g = root as H5Group;
  for (const part of path.split('/')) g = g.keys().includes(part) ? (g.get(part) as H5Group) : g.create_group(part);
  return g;
}

/** A TensorFlow.js layers model: model.json + one shard per group of the manifest. */
export function writeTfjs(dir: string, model: unknown, groups: { name: string; shape: number[]; data: number[] }[][]): string {
  const manifest = groups.map((ws, gi) => {
    const floats = Float32Array.from(ws.flatMap((w) => w.data));
    const shard = `group${gi + 1}-shard1of1.bin`;
    writeFileSync(join(dir, shard), new Uint8Array(floats.buffer));
    return { paths: [shard], weights: ws.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) };
  });
  const file = join(dir, 'model.json');
  writeFileSync(file, JSON.stringify({ format: 'layers-model', generatedBy: 'test', modelTopology: model, weightsManifest: manifest }));
  return file;
}

/** Seeded values in [−1, 1) rounded to float32. */
export function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(s / 2 ** 31 - 1);
  });
}

/**
 * Keras import time of the jet tagger (16-64-32-32-5) against the ONNX path: parse + passes + verify, best of 5.
 * Uses hls4ml's KERAS_3layer.json + _weights.h5 from ../shared when present, else the example ONNX model's
 * weights re-written as a Keras JSON + weights .h5 here (h5wasm), so both paths read the same network.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import h5wasm from 'h5wasm/node';
import { parseFixedType } from '../src/fixed/index.ts';
import { loadOnnx } from '../src/frontends/onnx/index.ts';
import { compile } from '../src/pipeline.ts';
import { best } from './timing.ts';

const ONNX = 'examples/jet_tagger/jet_tagger.onnx';
const SHARED = resolve(process.env.HLSFORGE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'models/keras/KERAS_3layer.json');

/** The example ONNX jet tagger as a Keras Sequential JSON + Keras 2 weights file in `dir`. */
async function kerasTwin(dir: string): Promise<string> {
  await h5wasm.ready;
  const g = loadOnnx(ONNX, { defaultPrecision: parseFixedType('ap_fixed<16,6>') });
  const dense = g.layers.filter((l) => l.kind === 'dense');
  const acts = ['relu', 'relu', 'relu', 'softmax'];
  const layers = [
    { class_name: 'InputLayer', config: { name: 'input_1', batch_input_shape: [null, 16] } },
    ...dense.map((l, i) => ({ class_name: 'Dense', config: { name: `fc${i + 1}`, units: l.shape[0], activation: acts[i], use_bias: true } })),
  ];
  const json = join(dir, 'jet_tagger.json');
  writeFileSync(json, JSON.stringify({ class_name: 'Sequential', config: { name: 'jet_tagger', layers } }));
  const f = new h5wasm.File(join(dir, 'jet_tagger_weights.h5'), 'w');
  f.create_attribute('layer_names', dense.map((_l, i) => `fc${i + 1}`));
  dense.forEach((l, i) => {
    if (l.kind !== 'dense') return;
    const g1 = f.create_group(`fc${i + 1}`);
    g1.create_attribute('weight_names', [`fc${i + 1}/kernel:0`, `fc${i + 1}/bias:0`]);
    const g2 = g1.create_group(`fc${i + 1}`);
    g2.create_dataset({ name: 'kernel:0', data: Float32Array.from(l.weights), shape: [l.nIn, l.nOut] });
    g2.create_dataset({ name: 'bias:0', data: Float32Array.from(l.bias), shape: [l.nOut] });
  });
  f.close();
  return json;
}

export async function benchKerasImport(work: string, report: (what: string, value: string) => void): Promise<void> {
  const keras = existsSync(SHARED) ? SHARED : await kerasTwin(work);
  const tOnnx = best(5, () => compile({ model: ONNX }));
  const tKeras = best(5, () => compile({ model: keras }));
  const what = keras === SHARED ? 'KERAS_3layer.json + _weights.h5' : 'repo-made Keras twin of the example';
  report(`Keras import of the jet tagger (${what}), best of 5`, `${(tKeras * 1000).toFixed(1)} ms (ONNX path ${(tOnnx * 1000).toFixed(1)} ms, +${((tKeras - tOnnx) * 1000).toFixed(1)} ms; target < +200 ms)`);
}

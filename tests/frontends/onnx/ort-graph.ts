/** Runs an ONNX model with onnxruntime-node on every input and output of a translated graph, for data-order checks. */
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { inputLayers, sizeOf, type Graph } from '../../../src/ir/graph.ts';
import { mulberry32 } from '../../../src/data/random-inputs.ts';

/** batch rows of every input layer's values one after the other (the emulator's row layout), float32-exact. */
export function sampleRows(g: Graph, batch: number, seed = 1): Float64Array {
  const width = inputLayers(g).reduce((a, l) => a + sizeOf(l.shape), 0);
  const rnd = mulberry32(seed);
  return Float64Array.from({ length: batch * width }, () => Math.fround((rnd() - 0.5) * 8));
}

/**
 * ONNX Runtime's outputs for the same rows, sample by sample: each input layer feeds the graph input it came from
 * (its ONNX name, kept in origin.node; its shape is the ONNX shape without the batch), and a sample's outputs are
 * the model's outputs one after the other, as the emulator returns them.
 */
export async function ortRows(model: Uint8Array, g: Graph, rows: Float64Array, batch: number, batchAxis = 0): Promise<Float64Array> {
  const session = await ort.InferenceSession.create(model);
  const ins = inputLayers(g);
  const width = ins.reduce((a, l) => a + sizeOf(l.shape), 0);
  const out: number[] = [];
  for (let s = 0; s < batch; s++) {
    const feeds: Record<string, ort.Tensor> = {};
    let at = s * width;
    for (const l of ins) {
      const n = sizeOf(l.shape);
      const dims = [...l.shape];
      dims.splice(batchAxis, 0, 1); // a time-major input [T, batch, n] of a recurrent model has it second
      feeds[l.origin!.node] = new ort.Tensor('float32', Float32Array.from(rows.subarray(at, at + n)), dims);
      at += n;
    }
    const result = await session.run(feeds);
    for (const name of session.outputNames) out.push(...(result[name].data as Float32Array));
  }
  return Float64Array.from(out);
}

/** The emulator in float mode agrees with ONNX Runtime on every output value (relative to max(|v|, 1)); returns the worst. */
export async function expectFloatMatchesOrt(g: Graph, model: Uint8Array, batch = 8, tolerance = 1e-5, batchAxis = 0): Promise<number> {
  const rows = sampleRows(g, batch);
  const ours = emulate(g, rows, batch, { mode: 'float' }).output;
  const theirs = await ortRows(model, g, rows, batch, batchAxis);
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  ours.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - theirs[j]) / Math.max(Math.abs(v), 1))));
  expect(worst).toBeLessThanOrEqual(tolerance);
  return worst;
}

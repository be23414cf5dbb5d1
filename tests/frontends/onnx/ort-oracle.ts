/** Runs a model with onnxruntime-node and compares it with the IR's double forward pass. */
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import type { Graph } from '../../../src/ir/graph.ts';
import { floatForward } from './float-forward.ts';

/** ONNX Runtime outputs of the first output for `samples`, run one at a time (some models fix the batch at 1). */
export async function runOrt(model: Uint8Array | string, samples: Float32Array[], inputDims: number[]): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(model as Uint8Array);
  const outputs: Float32Array[] = [];
  for (const s of samples) {
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', s, [1, ...inputDims]) });
    outputs.push(out[session.outputNames[0]].data as Float32Array);
  }
  return outputs;
}

/** Every output value within `rel` relative error (of the double result) of ONNX Runtime's; returns the worst. */
export async function expectMatchesOrt(g: Graph, model: Uint8Array | string, samples: Float32Array[], rel = 1e-5): Promise<number> {
  const inputDims = [...g.layers[0].shape];
  const ortOut = await runOrt(model, samples, inputDims);
  let worst = 0;
  samples.forEach((s, k) => {
    const ours = floatForward(g, s);
    expect(ortOut[k].length).toBe(ours.length);
    ours.forEach((v, j) => {
      const err = Math.abs(ortOut[k][j] - v) / Math.max(Math.abs(v), 1e-30);
      worst = Math.max(worst, err);
    });
  });
  expect(worst).toBeLessThanOrEqual(rel);
  return worst;
}

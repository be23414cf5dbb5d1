import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { loadOnnx } from '../../../src/frontends/onnx/index.ts';
import { onnx } from '../../../src/frontends/onnx/proto.ts';
import { decodeTensor } from '../../../src/frontends/onnx/tensor.ts';
import { edgeOrders } from '../../../src/ir/edge-order.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { PASSES } from '../../../src/passes/index.ts';
import { runPasses } from '../../../src/passes/pass.ts';
import { hasShared, sharedPath } from '../../helpers/shared.ts';
import { kinds } from './helpers.ts';
import { expectFloatMatchesOrt } from './ort-graph.ts';
import { runOrt } from './ort-oracle.ts';

// the two QONNX segmentation models emulate one image in 5–25 s: CI runs it, a developer sets HLSFORGE_SLOW=1
const SLOW = !!(process.env.CI || process.env.HLSFORGE_SLOW);

/** The default flow (no configuration file) on a shared model: the graph the emulator and the backends get. */
function flow(path: string): Graph {
  const config = loadConfig({ model: path });
  const g = runPasses(loadOnnx(path, { defaultPrecision: config.defaults.precision }), config, PASSES);
  verifyGraph(g, { configured: true });
  return g;
}

const MNIST = sharedPath('models/qonnx/src/qonnx/data/onnx/mnist-conv');
const pb = (file: string) => decodeTensor(onnx.TensorProto.decode(readFileSync(`${MNIST}/test_data_set_0/${file}`)), { file });

describe.skipIf(!hasShared)('convolutional ONNX models from /work/shared', () => {
  it('mnist-conv (CNTK, opset 8): Conv + Add fold into conv biases, the NCHW flatten folds into the dense, float equals output_0.pb', async () => {
    const model = `${MNIST}/model.onnx`;
    const g = flow(model);
    expect(kinds(g)).toEqual(['input', 'reshape', 'conv', 'relu', 'pool', 'conv', 'relu', 'pool', 'reshape', 'dense']);
    expect(g.layers.filter((l) => l.kind === 'conv').map((l) => [l.origin?.op, l.padBegin, l.padEnd])).toEqual([['Conv+Add', [2, 2], [2, 2]], ['Conv+Add', [2, 2], [2, 2]]]);
    const [x, y] = [pb('input_0.pb'), pb('output_0.pb')];
    const ours = emulate(g, x.data, 1, { mode: 'float' }).output;
    const worst = y.data.reduce((w, v, j) => Math.max(w, Math.abs(ours[j] - v) / Math.abs(v)), 0);
    expect(worst).toBeLessThanOrEqual(1e-5);
    const [ort] = await runOrt(model, [Float32Array.from(x.data)], [1, 28, 28]);
    ort.forEach((v, j) => expect(Math.abs(ours[j] - v)).toBeLessThanOrEqual(1e-5 * Math.abs(v)));
  });

  it('conv2d_small_mp_keras (onnxmltools, opset 9): the exporter transposes cancel, Flatten(axis 0) reads the NHWC pool output, float equals onnxruntime', async () => {
    const model = sharedPath('models/onnx/conv2d_small_mp_keras.onnx');
    const g = flow(model);
    expect(kinds(g)).toEqual(['input', 'conv', 'selu', 'batchnorm', 'conv', 'selu', 'pool', 'reshape', 'dense', 'selu', 'dense', 'softmax']);
    const [input] = edgeOrders(g).inputs;
    expect([input.modelShape, input.transpose]).toEqual([[25, 25, 1], undefined]);
    await expectFloatMatchesOrt(g, readFileSync(model), 4);
  });

  it('residual_block_clean (opset 19, 1×200×200): no transpose inside the block, one at the output edge; float equals onnxruntime', async () => {
    const model = sharedPath('models/qonnx/src/qonnx/data/onnx/residual_block_clean.onnx');
    const g = flow(model);
    expect(kinds(g)).toEqual(['input', 'reshape', 'conv', 'conv', 'relu', 'conv', 'relu', 'merge', 'pool', 'transpose']);
    const { inputs, outputs } = edgeOrders(g);
    expect([inputs[0].transpose, outputs[0].modelShape, outputs[0].channelsLastShape, outputs[0].perm]).toEqual([undefined, [14, 12, 12], [12, 12, 14], [1, 2, 0]]);
    await expectFloatMatchesOrt(g, readFileSync(model), 1);
  });

  for (const [file, shape, convs] of [
    ['branched_model_ch_last.onnx', [256, 256, 2], { conv: 7, depthwise_conv: 7, pool: 1, upsample: 1, concatenate: 1 }],
    ['separable_conv_model_ch_last.onnx', [512, 512, 16], { conv: 2, depthwise_conv: 2 }],
  ] as const) {
    it(`${file} (QONNX channels-last): translates without transposes, every quantizer lowered to types${SLOW ? ', and emulates one image' : ''}`, () => {
      const g = flow(sharedPath(`models/onnx/${file}`));
      const count = (k: string) => g.layers.filter((l) => l.kind === k).length;
      for (const [k, n] of Object.entries(convs)) expect(count(k), k).toBe(n);
      expect([count('transpose'), count('quant'), g.layers.at(-1)!.shape]).toEqual([0, 0, shape]);
      expect(g.layers.filter((l) => l.kind === 'conv' || l.kind === 'depthwise_conv').every((l) => l.declared?.weight)).toBe(true);
      if (!SLOW) return;
      const n = g.layers[0].shape.reduce((a, b) => a * b, 1);
      const out = emulate(g, Float64Array.from({ length: n }, (_v, i) => Math.sin(i * 0.37)), 1).output;
      expect(out.length).toBe(shape[0] * shape[1] * shape[2]);
      expect(out.every(Number.isFinite) && out.some((v) => v !== 0)).toBe(true);
    }, 120_000);
  }
});


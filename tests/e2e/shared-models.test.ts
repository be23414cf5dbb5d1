import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/pipeline.ts';
import { runCsim } from '../../src/csim/index.ts';
import { emulate } from '../../src/emulator/index.ts';
import { compareToFloat } from '../../src/emulator/compare.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForTest } from '../helpers/temp.ts';

const MODEL = sharedPath('models/onnx/three_layer_keras.onnx');

describe.skipIf(!hasShared)('real model: three_layer_keras.onnx (hls4ml example-models)', () => {
  it('converts, C simulation is bit-exact with the emulator, and float mode matches onnxruntime to 1e-6', async () => {
    const outputDir = join(tempDirForTest('3layer'), 'prj');
    const r = await convert({ model: MODEL, overrides: { outputDir, projectName: 'three_layer' }, samples: 1000, seed: 5 });
    expect(r.graph.layers.map((l) => l.kind)).toEqual(['input', 'dense', 'relu', 'dense', 'relu', 'dense', 'relu', 'dense', 'softmax']);

    const cs = await runCsim(outputDir, {});
    expect([cs.samples, cs.outputsCompared, cs.mismatches]).toEqual([1000, 5000, 0]);

    // float mode against onnxruntime-node (float32), sample by sample
    const float = emulate(r.graph, r.vectors.data, r.vectors.batch, { mode: 'float' });
    const session = await ort.InferenceSession.create(MODEL);
    const x = Float32Array.from(r.vectors.data);
    let worst = 0;
    for (let s = 0; s < r.vectors.batch; s += 1) {
      const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', x.subarray(s * 16, s * 16 + 16), [1, 16]) };
      const y = (await session.run(feeds))[session.outputNames[0]].data as Float32Array;
      for (let j = 0; j < 5; j++) worst = Math.max(worst, Math.abs(y[j] - float.output[s * 5 + j]));
    }
    expect(worst).toBeLessThan(1e-6);

    // the quantization error is measured and reported, not hidden
    const err = compareToFloat(r.emulation.output, float.output, 5);
    console.log(
      `three_layer_keras at ap_fixed<16,6>: float vs onnxruntime max |Δ| ${worst.toExponential(2)}; ` +
        `fixed vs float max |Δ| ${err.maxAbs.toFixed(4)}, mean |Δ| ${err.meanAbs.toFixed(5)}, argmax agreement ${(100 * err.argmaxAgreement!).toFixed(1)}%`,
    );
    expect(err.maxAbs).toBeGreaterThan(0); // fixed point is not float: a zero here would mean the emulator ran in float
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const TIMEOUT = 300_000;
const work = mkdtempSync(join(tmpdir(), 'hlsforge-stream-onnx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** convert (frontend, passes, emulator) in io_stream, then the C simulation: every output equal to the emulator's. */
async function streamCsim(model: string, name: string) {
  const config = join(work, `${name}.yml`);
  writeFileSync(config, `OnnxModel: ${sharedPath(model)}\nIOType: io_stream\nOutputDir: ${join(work, name)}\nHLSConfig:\n  Model: { Precision: 'ap_fixed<16,6>', ReuseFactor: 1 }\n`);
  const result = await convert({ configFile: config, samples: 10, seed: 5 });
  const csim = await runCsim(result.config.outputDir);
  return { result, csim, top: readFileSync(join(result.config.outputDir, 'firmware/myproject.cpp'), 'utf8') };
}

describe.skipIf(!hasShared)('real ONNX CNNs in io_stream: C simulation bit-exact with the emulator', () => {
  it('runs the residual block (1×200×200 NCHW, two convolutions merged by Add, max pool) with its skip branch buffered', { timeout: TIMEOUT }, async () => {
    const { result, csim, top } = await streamCsim('models/qonnx/src/qonnx/data/onnx/residual_block_clean.onnx', 'residual');
    expect(csim.mismatches).toBe(0);
    expect(csim.outputsCompared).toBe(result.emulation.output.length);
    expect(top).toContain('#pragma HLS DATAFLOW');
    // the Add waits for two 3×3 convolutions: the skip copy holds rows of the 49-wide image, the rest stays shallow
    const depths = [...top.matchAll(/depth = (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...depths)).toBeGreaterThan(49);
    expect(depths.filter((d) => d > 2).length).toBe(1);
  });

  it('runs the MNIST CNN of the ONNX model zoo and the Keras-exported small CNN (Transpose, SELU, BatchNorm, MaxPool, Gemm, Softmax)', { timeout: TIMEOUT }, async () => {
    for (const [model, name] of [
      ['models/qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx', 'mnist'],
      ['models/onnx/conv2d_small_mp_keras.onnx', 'small'],
    ]) {
      const { result, csim, top } = await streamCsim(model, name);
      expect(csim.mismatches).toBe(0);
      expect(csim.outputsCompared).toBe(result.emulation.output.length);
      expect(top).toContain('nnet::conv_stream<');
      expect(top).not.toContain('nnet::transpose');
    }
  });
});

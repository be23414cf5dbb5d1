import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { HlsforgeError } from '../../src/diagnostics/diagnostic.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'hlsforge-conv-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SMALL_MP = 'models/onnx/conv2d_small_mp_keras.onnx';
const MNIST_CONV = 'models/qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx';

/** Converts a shared model as an io_parallel HLS project (the default IOType) and runs its C simulation. */
async function convertAndSimulate(model: string, name: string, reuseFactor: number) {
  const outputDir = join(work, name);
  const r = await convert({ model: sharedPath(model), overrides: { outputDir, projectName: name, reuseFactor }, samples: 200, seed: 5 });
  return { r, csim: await runCsim(outputDir) };
}

// The Keras convolutional models (KERAS_conv1d_small, KERAS_conv2d_model, conv1d_1layer, conv2d_1layer, sigmoid,
// tanh) and conv2d_small_mp at ReuseFactor 3 are verified three ways in io_parallel by cnn-verify.test.ts.
describe.skipIf(!hasShared)('io_parallel HLS projects of the shared convolutional ONNX models', () => {
  // the reuse factors are the smallest that keep every convolution within 4096 multiplications per cycle
  // mnist-conv is refused at ReuseFactor 1 in cnn-verify; at 128 it fits (the C simulation only: its RTL would be large)
  for (const [model, name, rf] of [[MNIST_CONV, 'mnist_conv', 128]] as const)
    it(`reproduces the emulator bit for bit in C simulation on ${name} at ReuseFactor ${rf}`, async () => {
      const { r, csim } = await convertAndSimulate(model, name, rf);
      expect(r.graph.layers.filter((l) => l.kind === 'conv').length).toBe(2);
      expect(r.graph.layers.some((l) => l.kind === 'pool')).toBe(true);
      expect(csim.firstMismatches).toEqual([]);
      expect(csim.mismatches).toBe(0);
      expect(csim.outputsCompared).toBe(r.emulation.output.length);
      expect(new Set(r.emulation.output).size).toBeGreaterThan(100);
    }, 600_000);

  it('refuses conv2d_small_mp at ReuseFactor 1 with the unrolled size, the estimate and the way out, before emulating or writing anything', async () => {
    const outputDir = join(work, 'refused');
    const steps: string[] = [];
    const e = await convert({ model: sharedPath(SMALL_MP), overrides: { outputDir }, samples: 10, seed: 5, onStep: (s) => steps.push(s) }).then(() => undefined, (x: unknown) => x);
    if (!(e instanceof HlsforgeError)) throw new Error(`expected an HlsforgeError, not ${String(e)}`);
    expect(e.code).toBe('too-large-for-io-parallel');
    expect(existsSync(outputDir)).toBe(false);
    expect(steps).toEqual(['parse']);
    // Conv2D_1, 3 × 3 stride 2 'same' on 25 × 25 × 1: per axis 13 · 3 − 2 = 37 taps read the input, 37² · 5 filters = 6845
    expect(e.message).toMatch(
      /conv2d_small_mp_keras\.onnx: layer 'Conv2D_1' \(Conv\): too large to unroll with IOType io_parallel: multiplications per cycle must be at most 4096, not 6845 \(6845 products at ReuseFactor 1; HLS estimate: \d+ DSP, \d+ LUT, \d+ FF\); supported: IOType: io_stream, or ReuseFactor 2 or more$/,
    );
  }, 300_000);
});

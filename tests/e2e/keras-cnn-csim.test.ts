import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'hlsforge-keras-cnn-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The Keras frontend's convolutions through the io_parallel HLS project: the C simulation equals the emulator bit for
 * bit. (The RTL simulation of the same models was run by hand with `hlsforge verify -n 100`: KERAS_conv1d_small,
 * KERAS_conv2d_model and example-prjs/conv2d_1layer agree three ways, latency and II as planned.)
 */
describe.skipIf(!hasShared)('io_parallel HLS projects of the shared Keras CNNs', () => {
  const CASES = [
    ['KERAS_conv1d_small (3 × Conv1D same relu, Dense, softmax)', { model: sharedPath('models/keras/KERAS_conv1d_small.json') }, 'conv1d_small', 3],
    ['KERAS_conv2d_model (Conv2D same relu, Dropout, Flatten, Dense softmax)', { model: sharedPath('models/keras/KERAS_conv2d_model.json') }, 'conv2d_model', 1],
    ['example-prjs/sigmoid with its config.yml (Conv2D valid, sigmoid table)', { configFile: sharedPath('models/hls4ml/example-prjs/sigmoid/config.yml') }, 'sigmoid', 1],
  ] as const;
  for (const [title, source, name, convs] of CASES)
    it(`reproduces the emulator bit for bit in C simulation on ${title}`, async () => {
      const outputDir = join(work, name);
      const r = await convert({ ...source, overrides: { outputDir, projectName: name }, samples: 200, seed: 3 });
      expect(r.graph.layers.filter((l) => l.kind === 'conv').length).toBe(convs);
      const csim = await runCsim(outputDir);
      expect(csim.firstMismatches).toEqual([]);
      expect(csim.mismatches).toBe(0);
      expect(csim.outputsCompared).toBe(r.emulation.output.length);
    }, 600_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

/** Issue 10: the two large QONNX segmentation models, one image each, io_stream, C simulation = emulator bit for bit. */
const TIMEOUT = 600_000;
const work = mkdtempSync(join(tmpdir(), 'hlsforge-large-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function streamCsim(model: string, name: string) {
  const config = join(work, `${name}.yml`);
  writeFileSync(config, `OnnxModel: ${sharedPath(model)}\nIOType: io_stream\nOutputDir: ${join(work, name)}\n`);
  const result = await convert({ configFile: config, samples: 1, seed: 3 });
  return { result, csim: await runCsim(result.config.outputDir) };
}

describe.skipIf(!hasShared)('the large QONNX segmentation models in io_stream', () => {
  it('emulates and C-simulates branched_model_ch_last (256×256×3 → 256×256×2) on one image with no differing output', { timeout: TIMEOUT }, async () => {
    const { result, csim } = await streamCsim('models/onnx/branched_model_ch_last.onnx', 'branched');
    expect(result.emulation.output.length).toBe(256 * 256 * 2);
    expect(csim.outputsCompared).toBe(256 * 256 * 2);
    expect(csim.mismatches).toBe(0);
  });

  it('emulates and C-simulates separable_conv_model_ch_last (512×512×3 → 512×512×16) on one image with no differing output', { timeout: TIMEOUT }, async () => {
    const { result, csim } = await streamCsim('models/onnx/separable_conv_model_ch_last.onnx', 'separable');
    expect(result.emulation.output.length).toBe(512 * 512 * 16);
    expect(csim.outputsCompared).toBe(512 * 512 * 16);
    expect(csim.mismatches).toBe(0);
  });
});

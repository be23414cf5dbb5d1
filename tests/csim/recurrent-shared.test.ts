import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'hlsforge-recurrent-shared-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DIR = 'models/hls4ml/example-models/keras/';

describe.skipIf(!hasShared)("C simulation of hls4ml's example recurrent Keras models", () => {
  for (const [model, kind, rf] of [['KERAS_lstm_model', 'lstm', 1], ['KERAS_gru_model', 'gru', 4]] as const)
    it(`reproduces the emulator bit for bit on ${model} at ReuseFactor ${rf}`, async () => {
      const outputDir = join(work, model);
      const r = await convert({ model: sharedPath(`${DIR}${model}.json`), overrides: { outputDir, projectName: model, reuseFactor: rf }, samples: 200, seed: 11 });
      expect(r.graph.layers.filter((l) => l.kind === kind).length).toBe(1);
      const csim = await runCsim(outputDir);
      expect(csim.firstMismatches).toEqual([]);
      expect(csim.mismatches).toBe(0);
      expect(csim.samples).toBe(200);
      expect(csim.outputsCompared).toBe(r.emulation.output.length);
      expect(new Set(r.emulation.output).size).toBeGreaterThan(100);
    }, 600_000);
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { loadModel } from '../../../src/frontends/load-model.ts';
import { ready, values, writeKeras2Weights } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { KERAS2_WEIGHTS, LAYER_NAMES, MODEL, reference } from './model.ts';

const dir = tempDirForFile('keras');
beforeAll(async () => {
  await ready();
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(MODEL));
  writeKeras2Weights(join(dir, 'trained.h5'), KERAS2_WEIGHTS, LAYER_NAMES);
});

describe("hls4ml's Keras configuration keys", () => {
  it('reads the model from KerasJson and its weights from KerasH5, both relative to the YAML file', () => {
    const yml = join(dir, 'keras-config.yml');
    writeFileSync(yml, 'KerasJson: tiny.json\nKerasH5: trained.h5\nOutputDir: out\n');
    const config = loadConfig({ configFile: yml });
    expect([config.model, config.weights]).toEqual([join(dir, 'tiny.json'), join(dir, 'trained.h5')]);
    const x = Float64Array.from(values(6, 5));
    const y = emulate(loadModel(config.model, config), x, 1, { mode: 'float' }).output;
    const want = reference(x);
    expect(Math.abs(y[0] - want[0])).toBeLessThan(1e-12);
  });

  it('takes a full model from KerasModel', () => {
    const yml = join(dir, 'full.yml');
    writeFileSync(yml, 'KerasModel: model.keras\n');
    expect(loadConfig({ configFile: yml }).model).toBe(join(dir, 'model.keras'));
  });
});

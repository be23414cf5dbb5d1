import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempConfigs } from './temp-configs.ts';

const temp = tempConfigs();
const yamlFile = (text: string): string => join(temp.write({ 'config.yml': text }), 'config.yml');

describe('DspCost, the LUTs a DSP slice is worth when the RTL backend chooses constant multipliers', () => {
  it('is unset by default, a number of LUTs or none (no DSP) in the file, and --dsp-cost overrides it', () => {
    expect(loadConfig({ model: 'm.onnx' }).dspCost).toBeUndefined();
    expect(loadConfig({ configFile: yamlFile('OnnxModel: m.onnx\nDspCost: 20\n') }).dspCost).toBe(20);
    expect(loadConfig({ configFile: yamlFile('OnnxModel: m.onnx\nDspCost: none\n') }).dspCost).toBe(Infinity);
    expect(loadConfig({ configFile: yamlFile('OnnxModel: m.onnx\nDspCost: 0\n') }).dspCost).toBe(0);
    expect(loadConfig({ configFile: yamlFile('OnnxModel: m.onnx\nDspCost: 20\n'), overrides: { dspCost: 'None' } }).dspCost).toBe(Infinity);
    expect(loadConfig({ model: 'm.onnx', overrides: { dspCost: '30.5' } }).dspCost).toBe(30.5);
  });

  it('refuses anything else, naming the key or the flag', () => {
    const file = yamlFile('OnnxModel: m.onnx\nDspCost: -3\n');
    const e = thrown(() => loadConfig({ configFile: file }));
    expect(e.code).toBe('config-bad-value');
    expect(e.message).toBe(`${file}: key 'DspCost': bad configuration value: must be a number of LUTs (0 or more) or none, not -3`);
    const f = thrown(() => loadConfig({ model: 'm.onnx', overrides: { dspCost: 'lots' } }));
    expect(f.code).toBe('config-bad-value');
    expect(f.message).toContain(`key '--dsp-cost': bad configuration value: must be a number of LUTs (0 or more) or none, not "lots"`);
  });
});

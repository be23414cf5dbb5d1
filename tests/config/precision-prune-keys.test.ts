import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { errorOf, yamlConfig } from '../passes/pass-helpers.ts';

describe('configuration keys auto, maximum and Prune', () => {
  it('reads auto where a type is accepted, and maximum', () => {
    const c = yamlConfig(`HLSConfig:
  Model: { Precision: auto, Prune: { sparsity: 0.7 } }
  LayerType: { Dense: { Precision: { default: 'ap_fixed<10,4>', accum: auto, maximum: 'ap_fixed<32,16>' } } }
  LayerName: { fc1: { Precision: { result: auto }, Prune: { threshold: 0.01 } } }
`);
    expect(c.defaults.autoPrecision).toEqual(['accum', 'result']);
    expect(formatFixedType(c.defaults.precision)).toBe('ap_fixed<16,6>');
    expect(c.defaults.prune).toEqual({ sparsity: 0.7 });
    const dense = c.layerType.Dense;
    expect(dense.autoPrecision).toEqual(['accum']);
    expect(dense.precision!.accum).toBeUndefined();
    expect(formatFixedType(dense.precision!.result!)).toBe('ap_fixed<10,4>');
    expect(formatFixedType(dense.precisionMaximum!)).toBe('ap_fixed<32,16>');
    expect(c.layerName.fc1.autoPrecision).toEqual(['result']);
    expect(c.layerName.fc1.prune).toEqual({ threshold: 0.01 });
  });

  it('rejects bad values naming the key', () => {
    const cases: [string, string, string][] = [
      ['HLSConfig: { Model: { Prune: { sparsity: -0.1 } } }', 'config-bad-value', "key 'HLSConfig.Model.Prune.sparsity': bad configuration value: must be a number from 0 to 1, not -0.1"],
      ['HLSConfig: { Model: { Prune: { sparsity: 1.5 } } }', 'config-bad-value', "key 'HLSConfig.Model.Prune.sparsity': bad configuration value: must be a number from 0 to 1, not 1.5"],
      ['HLSConfig: { LayerName: { fc1: { Prune: { threshold: -1 } } } }', 'config-bad-value', "key 'HLSConfig.LayerName.fc1.Prune.threshold': bad configuration value: must be a non-negative number, not -1"],
      ['HLSConfig: { Model: { Prune: { sparsity: 0.5, threshold: 0.1 } } }', 'config-bad-value', "key 'HLSConfig.Model.Prune': bad configuration value: must set exactly one of sparsity, threshold, not both"],
      ['HLSConfig: { Model: { Prune: {} } }', 'config-bad-value', "key 'HLSConfig.Model.Prune': bad configuration value: must set exactly one of sparsity, threshold, not neither"],
      ['HLSConfig: { Model: { Prune: { sparsty: 0.5 } } }', 'config-unknown-key', "key 'HLSConfig.Model.Prune.sparsty': unknown configuration key: did you mean 'sparsity'? supported: sparsity, threshold"],
      ['HLSConfig: { Model: { Precision: { maximum: auto } } }', 'bad-precision', "key 'HLSConfig.Model.Precision.maximum': not a valid fixed-point type: must be a type like ap_fixed<16,6>, not \"auto\""],
      ["HLSConfig: { Model: { Precision: { accum: auto, maximum: 'ap_fixed<8>' } } }", 'bad-precision', "key 'HLSConfig.Model.Precision.maximum': not a valid fixed-point type: ap_fixed<8> is not a valid fixed-point type: expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W>; ap_fixed takes 2 to 5 arguments, not 1"],
      ['HLSConfig: { LayerName: { fc1: { ReuseFactor: 0 } } }', 'bad-reuse-factor', "key 'HLSConfig.LayerName.fc1.ReuseFactor': invalid reuse factor: must be a positive integer, not 0"],
    ];
    for (const [yaml, code, text] of cases) {
      const e = errorOf(() => yamlConfig(`${yaml}\n`));
      expect(e.code, yaml).toBe(code);
      expect(e.where.file).toMatch(/config\.yml$/);
      expect(e.message, yaml).toBe(`${e.where.file}: ${text}`);
    }
  });
});

describe('--precision on the command line', () => {
  it('accepts auto (accum and result), and an explicit type replaces the file\'s model-level auto', () => {
    expect(loadConfig({ model: 'm.onnx', overrides: { precision: 'auto' } }).defaults.autoPrecision).toEqual(['accum', 'result']);
    const file = yamlConfig('HLSConfig: { Model: { Precision: auto } }\n').file!;
    const c = loadConfig({ configFile: file, overrides: { precision: 'ap_fixed<12,4>' } });
    expect(c.defaults.autoPrecision).toBeUndefined();
    expect(formatFixedType(c.defaults.precision)).toBe('ap_fixed<12,4>');
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { collectWarnings } from '../../src/diagnostics/warnings.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const CONFIGS = [
  'models/keras-config.yml',
  'models/onnx-config.yml',
  'models/config-files/qkeras_3layer_config.yml',
  'models/config-files/qkeras_mnist_dense_config.yml',
  'models/config-files/qkeras_mnist_cnn_config.yml',
  'models/config-files/garnet_1layer_config.yml',
];
const examplePrjs = () => readdirSync(sharedPath('models/hls4ml/example-prjs')).map((d) => `models/hls4ml/example-prjs/${d}/config.yml`);

const load = (rel: string) => collectWarnings(() => loadConfig({ configFile: sharedPath(rel), cwd: '/' }));

describe.skipIf(!hasShared && process.env.CI !== 'true')("hls4ml's own configuration files load as they are", () => {
  it('loads every shared config with no error, finds the model (and weights) each names, and warns only about settings not honoured', () => {
    const all = [...CONFIGS, ...examplePrjs()];
    expect(all.length).toBeGreaterThanOrEqual(14);
    for (const rel of all) {
      const { result: c, warnings } = load(rel);
      expect(existsSync(c.model), `${rel}: ${c.model}`).toBe(true);
      if (c.weights) expect(existsSync(c.weights), `${rel}: ${c.weights}`).toBe(true);
      for (const w of warnings) expect(w.code, `${rel}: ${w.message}`).toBe('config-not-honoured');
    }
  });

  it('resolves KerasJson and KerasH5 of keras-config.yml to the JSON model and its weights', () => {
    const c = load('models/keras-config.yml').result;
    expect([c.model, c.weights]).toEqual([sharedPath('models/keras/KERAS_3layer.json'), sharedPath('models/keras/KERAS_3layer_weights.h5')]);
    expect([c.part, c.backend, formatFixedType(c.defaults.precision)]).toEqual(['xcku115-flvb2104-2-i', 'Vivado', 'ap_fixed<16,6>']);
  });

  it("reads qkeras_3layer's per-layer types, table settings and Trace flags", () => {
    const { result: c, warnings } = load('models/config-files/qkeras_3layer_config.yml');
    expect(warnings).toEqual([]);
    const sm = c.layerName.softmax;
    expect([formatFixedType(sm.precision!.exp_table!), formatFixedType(sm.precision!.inv_table!), sm.tableSize]).toEqual(['ap_fixed<18,8>', 'ap_fixed<18,4>', 1024]);
    expect(formatFixedType(c.layerName.relu1.precision!.result!)).toBe('ap_fixed<7,1,AP_RND_CONV,AP_SAT>');
    expect(formatFixedType(c.layerName.fc1.precision!.weight!)).toBe('ap_fixed<6,1>');
    expect(Object.values(c.layerName).every((s) => s.trace === true)).toBe(true);
    expect(c.model).toBe(sharedPath('models/keras/qkeras_3layer.json'));
  });

  it("reads qkeras_mnist_dense's old-style softmax Strategy and its reuse factors", () => {
    const { result: c, warnings } = load('models/config-files/qkeras_mnist_dense_config.yml');
    expect(warnings).toEqual([]);
    expect([c.layerName.activation_3.strategy, c.layerName.q_dense_2.reuseFactor, c.defaults.strategy]).toEqual([undefined, 112, 'resource']);
    // hls4ml prints the po2 quantizer's exponent type as ap_int<5>; hls4ml itself lets the quantizer win over it
    expect(formatFixedType(c.layerName.q_dense_2.precision!.weight!)).toBe('ap_fixed<5,5>');
  });

  it('accepts the conv (io_stream) and GarNet configs without warnings', () => {
    const cnn = load('models/config-files/qkeras_mnist_cnn_config.yml');
    expect([cnn.warnings, cnn.result.ioType]).toEqual([[], 'io_stream']);
    const g = load('models/config-files/garnet_1layer_config.yml');
    expect(g.warnings).toEqual([]);
    expect(formatFixedType(g.result.layerName.input_2.precision!.result!)).toBe('ap_ufixed<8,8>');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempConfigs } from './temp-configs.ts';

const temp = tempConfigs();

describe('model paths from hls4ml keys', () => {
  it('reads KerasJson as the model and KerasH5 beside it as its weights, relative to the config file', () => {
    const dir = temp.write({ 'cfg/c.yml': 'KerasJson: keras/m.json\nKerasH5: keras/m_weights.h5\n', 'cfg/keras/m.json': '{}', 'cfg/keras/m_weights.h5': '' });
    const c = loadConfig({ configFile: join(dir, 'cfg/c.yml'), cwd: '/' });
    expect([c.model, c.weights]).toEqual([join(dir, 'cfg/keras/m.json'), join(dir, 'cfg/keras/m_weights.h5')]);
  });

  it('takes KerasH5 alone, KerasModel (also tagged !keras_model) and OnnxModel as the model file itself', () => {
    const dir = temp.write({ 'a.yml': 'KerasH5: full.h5\n', 'b.yml': 'KerasModel: !keras_model model.keras\n', 'c.yml': 'OnnxModel: m.onnx\n' });
    const paths = ['a.yml', 'b.yml', 'c.yml'].map((f) => loadConfig({ configFile: join(dir, f) })).map((c) => [c.model, c.weights]);
    expect(paths).toEqual([[join(dir, 'full.h5'), undefined], [join(dir, 'model.keras'), undefined], [join(dir, 'm.onnx'), undefined]]);
  });

  it("finds paths written relative to hls4ml's working directory: the repository root above config-files/", () => {
    // hls4ml's example-models layout: config-files/x.yml names keras/x.json, relative to the repository root
    const dir = temp.write({ 'config-files/x.yml': 'KerasJson: keras/x.json\nKerasH5: keras/x_weights.h5\nInputData: data/in.dat\nOutputPredictions: data/out.dat\n', 'keras/x.json': '{}', 'keras/x_weights.h5': '', 'data/in.dat': '1', 'data/out.dat': '1' });
    const c = loadConfig({ configFile: join(dir, 'config-files/x.yml'), cwd: '/' });
    expect([c.model, c.weights, c.inputData, c.outputPredictions]).toEqual([join(dir, 'keras/x.json'), join(dir, 'keras/x_weights.h5'), join(dir, 'data/in.dat'), join(dir, 'data/out.dat')]);
  });

  it('prefers the file beside the config, then the working directory, and keeps a path found nowhere relative to the config', () => {
    const dir = temp.write({ 'p/c.yml': 'OnnxModel: m.onnx\n', 'p/m.onnx': '', 'm.onnx': '', 'w/q.yml': 'OnnxModel: n.onnx\n', 'cwd/n.onnx': '' });
    expect(loadConfig({ configFile: join(dir, 'p/c.yml'), cwd: dir }).model).toBe(join(dir, 'p/m.onnx'));
    expect(loadConfig({ configFile: join(dir, 'w/q.yml'), cwd: join(dir, 'cwd') }).model).toBe(join(dir, 'cwd/n.onnx'));
    expect(loadConfig({ configFile: join(dir, 'w/q.yml'), cwd: '/' }).model).toBe(join(dir, 'w/n.onnx'));
  });

  it("lets a model argument replace the model keys, keeping KerasH5 only when the argument is the config's KerasJson", () => {
    const dir = temp.write({ 'c.yml': 'KerasJson: a.json\nKerasH5: a_weights.h5\n' });
    const other = loadConfig({ configFile: join(dir, 'c.yml'), model: 'other.onnx', cwd: '/tmp' });
    expect([other.model, other.weights]).toEqual(['/tmp/other.onnx', undefined]);
    const same = loadConfig({ configFile: join(dir, 'c.yml'), model: 'a.json', cwd: dir });
    expect([same.model, same.weights]).toEqual([join(dir, 'a.json'), join(dir, 'a_weights.h5')]);
  });

  it('refuses two models, no model and a PyTorch model, naming the key', () => {
    const cases: [string, string, string][] = [
      ['OnnxModel: a.onnx\nKerasJson: b.json\n', 'config-bad-value', "key 'KerasJson': bad configuration value: must name one model, not OnnxModel and KerasJson"],
      ['KerasModel: a.h5\nKerasH5: b.h5\n', 'config-bad-value', "key 'KerasH5': bad configuration value: must name one model, not KerasModel and KerasH5"],
      ['ProjectName: x\n', 'config-bad-value', "key 'OnnxModel': bad configuration value: no model given: pass a model file or set OnnxModel, KerasJson (+ KerasH5), KerasModel or KerasH5"],
      ['PytorchModel: m.pt\n', 'unsupported-model-format', "key 'PytorchModel': unsupported model format: a PyTorch model must be exported to ONNX first (torch.onnx.export)"],
      ['KerasJson: 3\n', 'config-bad-value', "key 'KerasJson': bad configuration value: must be a file path, not 3"],
    ];
    for (const [yaml, code, text] of cases) {
      const file = join(temp.write({ 'c.yml': yaml }), 'c.yml');
      const e = thrown(() => loadConfig({ configFile: file }));
      expect(e.code, yaml).toBe(code);
      expect(e.message, yaml).toContain(`${file}: ${text}`);
    }
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { TOP_KEYS } from '../../src/config/schema.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempConfigs } from './temp-configs.ts';

const temp = tempConfigs();
const yamlFile = (text: string): string => join(temp.write({ 'config.yml': text }), 'config.yml');

const error = thrown;

describe('loadConfig', () => {
  it('applies the documented defaults when no file is given', () => {
    const c = loadConfig({ model: 'm.onnx', cwd: '/tmp' });
    expect(c.model).toBe('/tmp/m.onnx');
    expect(c.projectName).toBe('myproject');
    expect(c.part).toBe('xcvu9p-flga2104-2L-e');
    expect(c.clockPeriod).toBe(5);
    expect(formatFixedType(c.defaults.precision)).toBe('ap_fixed<16,6>');
    expect(c.defaults.reuseFactor).toBe(1);
    expect(c.defaults.strategy).toBe('latency');
  });

  it('reads hls4ml keys, resolving the model next to the YAML file', () => {
    const file = yamlFile(`OnnxModel: model.onnx
OutputDir: out/prj
ProjectName: jets
XilinxPart: xcku115-flvb2104-2-i
ClockPeriod: 4
IOType: io_parallel
Backend: Vivado
HLSConfig:
  Model: { Precision: 'ap_fixed<8,3>', ReuseFactor: 4, Strategy: Resource }
  LayerType: { Dense: { Precision: { accum: 'ap_fixed<24,8,AP_RND,AP_SAT>' } } }
  LayerName: { fc1: { Precision: { result: 'ap_ufixed<6,2>' }, ReuseFactor: 2 } }
`);
    const c = loadConfig({ configFile: file, cwd: '/work' });
    expect(c.model).toBe(join(file, '..', 'model.onnx'));
    expect(c.outputDir).toBe('/work/out/prj');
    expect([c.projectName, c.part, c.clockPeriod, c.backend]).toEqual(['jets', 'xcku115-flvb2104-2-i', 4, 'Vivado']);
    expect(formatFixedType(c.defaults.precision)).toBe('ap_fixed<8,3>');
    expect([c.defaults.reuseFactor, c.defaults.strategy]).toEqual([4, 'resource']);
    expect(formatFixedType(c.layerType.Dense.precision!.accum!)).toBe('ap_fixed<24,8,AP_RND,AP_SAT>');
    expect(formatFixedType(c.layerName.fc1.precision!.result!)).toBe('ap_ufixed<6,2>');
    expect(c.layerName.fc1.reuseFactor).toBe(2);
  });

  it('lets command-line flags override the file', () => {
    const file = yamlFile(`OnnxModel: m.onnx\nProjectName: a\nHLSConfig: { Model: { Precision: 'ap_fixed<8,3>' } }\n`);
    const c = loadConfig({ configFile: file, overrides: { projectName: 'b', precision: 'ap_fixed<12,4>', reuseFactor: 2, clockPeriod: 3 } });
    expect([c.projectName, formatFixedType(c.defaults.precision), c.defaults.reuseFactor, c.clockPeriod]).toEqual(['b', 'ap_fixed<12,4>', 2, 3]);
  });

  it('reports a misspelt key with the closest known key', () => {
    const file = yamlFile(`OnnxModel: m.onnx\nProjcetName: x\n`);
    const e = error(() => loadConfig({ configFile: file }));
    expect(e.code).toBe('config-unknown-key');
    expect(e.message).toBe(`${file}: key 'ProjcetName': unknown configuration key: did you mean 'ProjectName'? supported: ${Object.keys(TOP_KEYS).join(', ')}`);
    expect(Object.keys(TOP_KEYS)).toEqual(expect.arrayContaining(['OnnxModel', 'KerasJson', 'KerasH5', 'OutputPredictions', 'ClockUncertainty', 'WriterConfig']));
  });

  it('reports unknown keys inside HLSConfig and Precision blocks', () => {
    expect(error(() => loadConfig({ configFile: yamlFile(`OnnxModel: m.onnx\nHLSConfig: { Model: { ReuseFactr: 2 } }\n`) })).message).toContain(
      "key 'HLSConfig.Model.ReuseFactr': unknown configuration key: did you mean 'HLSConfig.Model.ReuseFactor'?",
    );
    expect(error(() => loadConfig({ configFile: yamlFile(`OnnxModel: m.onnx\nHLSConfig: { Model: { Precision: { acum: 'ap_fixed<8,3>' } } }\n`) })).message).toContain(
      "did you mean 'accum'?",
    );
  });

  it('rejects a ProjectName that is not a C++ identifier', () => {
    for (const name of ['../../x', 'my project', '1abc', 'int', 'a;b', 'size_t', 'int8_t', 'NULL', 'ap_fixed', 'ap_model', 'nnet', 'module', 'logic', 'always', 'a__b', 'x'.repeat(65)]) {
      const e = error(() => loadConfig({ model: 'm.onnx', overrides: { projectName: name } }));
      expect(e.code).toBe('unsafe-name');
      expect(e.message).toBe(`key 'ProjectName': unsafe name: must be a C++ identifier (a letter, then letters, digits or _, at most 64; not a C++ or Verilog keyword, standard library name or macro, nor ap_*/hls_*/nnet*), not ${JSON.stringify(name)}`);
    }
  });

  it('rejects bad values naming the key', () => {
    const cases: [string, string, string][] = [
      ['HLSConfig: { Model: { ReuseFactor: 0 } }', 'bad-reuse-factor', "key 'HLSConfig.Model.ReuseFactor': invalid reuse factor: must be a positive integer, not 0"],
      ["HLSConfig: { Model: { Precision: 'ap_fixed<16>' } }", 'bad-precision', "key 'HLSConfig.Model.Precision'"],
      ['IOType: io_fast', 'config-bad-value', "key 'IOType': bad configuration value: must be io_parallel or io_stream, not \"io_fast\"; supported: io_parallel, io_stream (io_serial accepted with a warning)"],
      ['Backend: Intel', 'config-bad-value', "key 'Backend': bad configuration value: must be Vivado, Vitis or RTL, not \"Intel\"; supported: Vivado, Vitis, RTL (VivadoAccelerator, VitisAccelerator, Quartus, oneAPI, Altera, Catapult, Bambu, BambuAccelerator, Libero, Coyote, CoyoteAccelerator, NanoXploreAccelerator, SymbolicExpression accepted with a warning)"],
      ['ClockPeriod: -1', 'config-bad-value', "key 'ClockPeriod'"],
      ['HLSConfig: { Model: { Strategy: Fast } }', 'config-bad-value', 'must be Latency or Resource'],
      ['HLSConfig: { Model: { TableSize: 1000 } }', 'config-bad-value', 'must be a power of two'],
    ];
    for (const [yaml, code, text] of cases) {
      const e = error(() => loadConfig({ configFile: yamlFile(`OnnxModel: m.onnx\n${yaml}\n`) }));
      expect(e.code).toBe(code);
      expect(e.message).toContain(text);
    }
  });

  it('lets --io-type override the file IOType, and names the flag when its value is bad', () => {
    const file = yamlFile('OnnxModel: m.onnx\nIOType: io_parallel\n');
    expect(loadConfig({ configFile: file, overrides: { ioType: 'io_stream' } }).ioType).toBe('io_stream');
    expect(loadConfig({ configFile: yamlFile('OnnxModel: m.onnx\nIOType: io_stream\n'), overrides: { ioType: 'io_parallel' } }).ioType).toBe('io_parallel');
    expect(loadConfig({ configFile: file }).ioType).toBe('io_parallel');
    const e = error(() => loadConfig({ configFile: file, overrides: { ioType: 'stream' } }));
    expect(e.code).toBe('config-bad-value');
    expect(e.message).toBe(`${file}: ` + "key '--io-type': bad configuration value: must be io_parallel or io_stream, not \"stream\"; supported: io_parallel, io_stream (io_serial accepted with a warning)");
  });

  it('reports malformed YAML with the file name', () => {
    const file = yamlFile('OnnxModel: [unclosed\n');
    const e = error(() => loadConfig({ configFile: file }));
    expect(e.code).toBe('config-parse');
    expect(e.message.startsWith(`${file}: not a valid YAML configuration: `)).toBe(true);
  });
});

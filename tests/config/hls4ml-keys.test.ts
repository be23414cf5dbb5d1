import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { collectWarnings } from '../../src/diagnostics/warnings.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { thrown } from '../helpers/thrown.ts';
import { layerTypeSettings } from '../../src/passes/config-levels.ts';
import { tempConfigs } from './temp-configs.ts';

const temp = tempConfigs();

/** Load YAML text (model line added) and return the config with the warnings it raised. */
function load(yaml: string) {
  const file = join(temp.write({ 'c.yml': `OnnxModel: m.onnx\n${yaml}` }), 'c.yml');
  const { result, warnings } = collectWarnings(() => loadConfig({ configFile: file }));
  return { config: result, warnings, file };
}

const fmt = (t: Parameters<typeof formatFixedType>[0] | undefined) => (t ? formatFixedType(t) : undefined);

describe("hls4ml's type keys (<var>_t)", () => {
  it('sets the precision variable they name, over the Precision block of the same level', () => {
    const { config, warnings } = load(`HLSConfig:
  LayerName:
    softmax:
      Precision: { default: 'ap_fixed<16,6>', exp_table: 'ap_fixed<10,4>' }
      exp_table_t: ap_fixed<18,8>
      inv_table_t: ap_fixed<18,4,AP_RND,AP_SAT>
      table_size: 512
    fc1: { accum_t: 'ap_fixed<24,10>', weight_t: 'ap_fixed<6,1>', bias_t: 'ap_fixed<6,1>', result_t: 'ap_fixed<12,4>' }
    bn: { scale_t: 'ap_fixed<10,3>' }
    act: { table_t: 'ap_fixed<12,2>', accum_t: auto }
`);
    const s = config.layerName.softmax;
    expect([fmt(s.precision!.exp_table), fmt(s.precision!.inv_table), fmt(s.precision!.result), s.tableSize]).toEqual(['ap_fixed<18,8>', 'ap_fixed<18,4,AP_RND,AP_SAT>', 'ap_fixed<16,6>', 512]);
    const fc1 = config.layerName.fc1.precision!;
    expect([fmt(fc1.accum), fmt(fc1.weight), fmt(fc1.bias), fmt(fc1.result)]).toEqual(['ap_fixed<24,10>', 'ap_fixed<6,1>', 'ap_fixed<6,1>', 'ap_fixed<12,4>']);
    expect(fmt(config.layerName.bn.precision!.scale)).toBe('ap_fixed<10,3>');
    expect(fmt(config.layerName.act.precision!.table)).toBe('ap_fixed<12,2>');
    expect(config.layerName.act.autoPrecision).toEqual(['accum']);
    expect(warnings).toEqual([]);
  });

  it('sets model-wide defaults at Model level, over Model Precision', () => {
    const { config } = load("HLSConfig:\n  Model:\n    Precision: { default: 'ap_fixed<16,6>', inv_table: 'ap_fixed<10,4>' }\n    exp_table_t: 'ap_fixed<18,10>'\n    inv_table_t: 'ap_fixed<18,4>'\n    accum_t: auto\n");
    const v = config.defaults.precisionVars;
    expect([fmt(v.exp_table), fmt(v.inv_table), fmt(config.defaults.precision)]).toEqual(['ap_fixed<18,10>', 'ap_fixed<18,4>', 'ap_fixed<16,6>']);
    expect(config.defaults.autoPrecision).toEqual(['accum']);
  });

  it('accepts type names of layers hlsforge lacks with one warning, and rejects a misspelt one with the closest key', () => {
    const { warnings, file } = load(`HLSConfig:
  LayerName:
    a: { slope_t: 'ap_fixed<16,0>' }
    b: { Precision: { edge_weight: 'ap_ufixed<10,0,AP_TRN,AP_SAT>' } }
`);
    expect(warnings.map((w) => w.message)).toEqual([
      `${file}: key 'HLSConfig.LayerName.a.slope_t': hls4ml setting accepted but not honoured: hlsforge has no 'slope' type (no such layer or variable yet)`,
      `${file}: key 'HLSConfig.LayerName.b.Precision.edge_weight': hls4ml setting accepted but not honoured: hlsforge has no 'edge_weight' type (no such layer or variable yet)`,
    ]);
    const e = thrown(() => load(`HLSConfig: { LayerName: { s: { exp_tabel_t: 'ap_fixed<18,8>' } } }\n`));
    expect(e.code).toBe('config-unknown-key');
    expect(e.message).toContain("key 'HLSConfig.LayerName.s.exp_tabel_t': unknown configuration key: did you mean 'HLSConfig.LayerName.s.exp_table_t'?");
    const bad = thrown(() => load(`HLSConfig: { LayerName: { s: { exp_table_t: 'ap_fixed<18>' } } }\n`));
    expect([bad.code, bad.where.key]).toEqual(['bad-precision', 'HLSConfig.LayerName.s.exp_table_t']);
  });

  it('keeps the configured type, with a warning, where hls4ml writes auto for a weight', () => {
    const { config, warnings, file } = load(`HLSConfig:
  Model: { Precision: 'ap_fixed<12,4>' }
  LayerName: { fc1: { Precision: { weight: auto, bias: auto, result: auto } } }
`);
    expect(config.layerName.fc1.autoPrecision).toEqual(['result']);
    expect(config.layerName.fc1.precision?.weight).toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([
      `${file}: key 'HLSConfig.LayerName.fc1.Precision.weight': hls4ml setting accepted but not honoured: auto is inferred for default, accum, result, table, exp_table, inv_table; 'weight' keeps its configured type (model default, or the quantizer's)`,
      `${file}: key 'HLSConfig.LayerName.fc1.Precision.bias': hls4ml setting accepted but not honoured: auto is inferred for default, accum, result, table, exp_table, inv_table; 'bias' keeps its configured type (model default, or the quantizer's)`,
    ]);
    const model = load("HLSConfig: { Model: { Precision: { default: 'fixed<16,6>', weight: auto } } }\n");
    expect(model.warnings.map((w) => w.where.key)).toEqual(['HLSConfig.Model.Precision.weight']);
    expect(model.warnings[0].detail).not.toContain('also at');
  });
});

describe('keys hls4ml writes that hlsforge does not act on', () => {
  it('gives one warning line per key, naming it and counting the other places it appears', () => {
    const { warnings, file } = load(`Version: 1.0.0
Stamp: 5cf1f0b0
ClockUncertainty: 12.5%
WriterConfig: { Namespace: null, WriteWeightsTxt: true, WriteTar: false }
HLSConfig:
  Model: { Precision: 'ap_fixed<16,6>', PipelineStyle: auto }
  Optimizers: [a]
  LayerName:
    l1: { Compression: true }
    l2: { Compression: true }
    l3: { Compression: true }
    l4: { Compression: true }
    l5: { Compression: true }
    l6: { Compression: false }
`);
    expect(warnings.every((w) => w.code === 'config-not-honoured')).toBe(true);
    expect(warnings.map((w) => w.where.key)).toEqual(['ClockUncertainty', 'Version', 'Stamp', 'WriterConfig', 'HLSConfig.Optimizers', 'HLSConfig.Model.PipelineStyle', 'HLSConfig.LayerName.l1.Compression']);
    expect(warnings.at(-1)!.message).toBe(
      `${file}: key 'HLSConfig.LayerName.l1.Compression': hls4ml setting accepted but not honoured: weights are written uncompressed (zero weights already cost no multiplier) (also at HLSConfig.LayerName.l2.Compression, HLSConfig.LayerName.l3.Compression, HLSConfig.LayerName.l4.Compression, and 1 more)`,
    );
  });

  it('warns once per command even when the command loads the file several times', () => {
    const file = join(temp.write({ 'c.yml': 'OnnxModel: m.onnx\nVersion: 1.0.0\n' }), 'c.yml');
    const { warnings } = collectWarnings(() => [loadConfig({ configFile: file }), loadConfig({ configFile: file })]);
    expect(warnings).toHaveLength(1);
  });

  it("honours hls4ml's default BramFactor (never BRAM) silently and warns about a smaller one", () => {
    expect(load('HLSConfig: { Model: { BramFactor: 1000000000 } }\n').warnings).toEqual([]);
    const { warnings } = load('HLSConfig: { Model: { BramFactor: 64 } }\n');
    expect(warnings.map((w) => [w.where.key, w.detail])).toEqual([['HLSConfig.Model.BramFactor', 'weights are never placed in BRAM (they are constants in the logic)']]);
  });

  it('reads io_stream as it is, writes io_parallel for io_serial, and the nearest backend for the other hls4ml backends, with a warning', () => {
    const cases: [string, string, string, string][] = [
      ['IOType: io_serial', 'io_parallel', 'Vitis', 'io_serial is not implemented; the project is written with io_parallel'],
      ['Backend: Catapult', 'io_parallel', 'Vitis', 'hlsforge does not write Catapult projects; a Vitis HLS project is written (supported: Vivado, Vitis, RTL)'],
      ['Backend: VivadoAccelerator', 'io_parallel', 'Vivado', 'hlsforge does not write VivadoAccelerator projects; a Vivado HLS project is written (supported: Vivado, Vitis, RTL)'],
      ['Backend: quartus', 'io_parallel', 'Vitis', 'hlsforge does not write Quartus projects; a Vitis HLS project is written (supported: Vivado, Vitis, RTL)'],
    ];
    expect(load('IOType: io_stream\n').config.ioType).toBe('io_stream');
    expect(load('IOType: io_stream\n').warnings).toEqual([]);
    for (const [yaml, io, backend, detail] of cases) {
      const { config, warnings } = load(`${yaml}\n`);
      expect([config.ioType, config.backend], yaml).toEqual([io, backend]);
      expect(warnings.map((w) => w.detail), yaml).toEqual([detail]);
    }
  });
});

describe('Strategy and Implementation', () => {
  it("reads Strategy case-insensitively and maps every value hls4ml writes", () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['Latency', 'latency', undefined],
      ['LATENCY', 'latency', undefined],
      ['resource', 'resource', undefined],
      ['Stable', undefined, undefined],
      ['Unrolled', 'resource', 'the Unrolled strategy is not implemented; the Resource strategy is built'],
      ['resource_unrolled', 'resource', 'the Unrolled strategy is not implemented; the Resource strategy is built'],
      ['distributed_arithmetic', 'latency', 'distributed arithmetic is not implemented; the Latency strategy is built'],
      ['da', 'latency', 'distributed arithmetic is not implemented; the Latency strategy is built'],
      ['Argmax', undefined, 'the argmax softmax is not implemented; softmax is the stable implementation'],
    ];
    for (const [value, strategy, warning] of cases) {
      const { config, warnings } = load(`HLSConfig: { LayerName: { x: { Strategy: ${value} } } }\n`);
      expect(config.layerName.x.strategy, value).toBe(strategy);
      expect(warnings.map((w) => w.detail), value).toEqual(warning ? [warning] : []);
    }
    const e = thrown(() => load('HLSConfig: { Model: { Strategy: Fast } }\n'));
    expect(e.message).toContain(`key 'HLSConfig.Model.Strategy': bad configuration value: must be Latency or Resource, not "Fast"; supported: Latency, Resource (also accepted: Stable, Unrolled`);
  });

  it('reads every softmax Implementation, warns about the convolution ones and refuses the rest', () => {
    for (const impl of ['stable', 'latency', 'legacy', 'argmax', 'hlsforge']) {
      const { config, warnings } = load(`HLSConfig: { LayerName: { s: { Implementation: ${impl}, Skip: false } } }\n`);
      expect([config.layerName.s.implementation, warnings]).toEqual([impl, []]);
    }
    const { warnings } = load('HLSConfig: { LayerName: { s: { Implementation: Winograd, Skip: true } } }\n');
    expect(warnings.map((w) => w.detail)).toEqual(['the softmax is always computed (its output is the model output)', 'convolutions always use the line-buffer (io_stream) or the unrolled im2col (io_parallel) implementation']);
    const e = thrown(() => load('HLSConfig: { LayerName: { s: { Implementation: fastest } } }\n'));
    expect(e.message).toContain('must be a softmax implementation, not "fastest"; supported: hlsforge, stable, latency, legacy, argmax (also accepted: oneAPI\'s im2col, Winograd, combination)');
  });
});

describe('Trace and TraceOutput', () => {
  it('reads them as yes/no settings', () => {
    const { config } = load('HLSConfig:\n  Model: { TraceOutput: true }\n  LayerName: { fc1: { Trace: true }, fc2: { Trace: false } }\n');
    expect([config.defaults.trace, config.layerName.fc1.trace, config.layerName.fc2.trace]).toEqual([true, true, false]);
    const e = thrown(() => load('HLSConfig: { LayerName: { fc1: { Trace: yes please } } }\n'));
    expect(e.message).toContain(`key 'HLSConfig.LayerName.fc1.Trace': bad configuration value: must be true or false, not "yes please"`);
  });
});

describe('unknown keys', () => {
  it('stay errors with the closest key, in every block', () => {
    const cases: [string, string][] = [
      ['Versoin: 1', "key 'Versoin': unknown configuration key: did you mean 'Version'?"],
      ['HLSConfig: { Flow: [] }', "key 'HLSConfig.Flow': unknown configuration key: did you mean 'HLSConfig.Flows'?"],
      ['HLSConfig: { Model: { TraceOutptu: true } }', "key 'HLSConfig.Model.TraceOutptu': unknown configuration key: did you mean 'HLSConfig.Model.TraceOutput'?"],
      ['HLSConfig: { LayerName: { a: { Compresion: true } } }', "key 'HLSConfig.LayerName.a.Compresion': unknown configuration key: did you mean 'HLSConfig.LayerName.a.Compression'?"],
    ];
    for (const [yaml, text] of cases) {
      const e = thrown(() => load(`${yaml}\n`));
      expect(e.code, yaml).toBe('config-unknown-key');
      expect(e.message, yaml).toContain(text);
    }
  });
});

describe('LayerType', () => {
  it('accepts hls4ml classes hlsforge has no layer for (they configure nothing) and still names the closest class for a typo', () => {
    const { config } = load("HLSConfig:\n  LayerType:\n    GarNet: { ReuseFactor: 16 }\n    Conv2D: { ParallelizationFactor: 4 }\n    Dense: { ReuseFactor: 2 }\n");
    const byKind = layerTypeSettings(config);
    expect([...byKind.keys()]).toEqual(['dense']);
    expect(byKind.get('dense')!.settings.reuseFactor).toBe(2);
    const e = thrown(() => layerTypeSettings(load('HLSConfig: { LayerType: { Dens: { ReuseFactor: 2 } } }\n').config));
    expect(e.message).toContain("key 'HLSConfig.LayerType.Dens': unknown configuration key: did you mean 'Dense'?");
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { LayerOf } from '../../src/ir/layers.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempConfigs } from './temp-configs.ts';

const temp = tempConfigs();
const load = (yaml: string, arithmetic?: string) =>
  loadConfig({ configFile: join(temp.write({ 'c.yml': `OnnxModel: m.onnx\n${yaml}` }), 'c.yml'), overrides: { arithmetic } });

/** input[5] → softmax, configured by `yaml` */
function softmaxOf(yaml: string, arithmetic?: string): LayerOf<'softmax'> {
  const graph = {
    name: 'g',
    layers: [
      { kind: 'input', name: 'x', inputs: [], shape: [5] },
      { kind: 'softmax', name: 'sm', inputs: ['x'], shape: [5], tableSize: 1024 },
    ],
    outputs: ['sm'],
  } as unknown as Graph;
  return applyConfig.run(graph, load(yaml, arithmetic)).layers[1] as LayerOf<'softmax'>;
}

describe('Arithmetic', () => {
  it('is hlsforge by default and hls4ml when the YAML or --arithmetic says so (the flag wins)', () => {
    expect(load('').arithmetic).toBe('hlsforge');
    expect(load('Arithmetic: hls4ml\n').arithmetic).toBe('hls4ml');
    expect(load('Arithmetic: hls4ml\n', 'hlsforge').arithmetic).toBe('hlsforge');
  });

  it('refuses any other value with the catalogued error naming the key', () => {
    const e = thrown(() => load('Arithmetic: vivado\n'));
    expect(e.code).toBe('config-bad-value');
    expect(e.message).toMatch(/c\.yml: key 'Arithmetic': bad configuration value: must be hlsforge or hls4ml, not "vivado"; supported: hlsforge, hls4ml$/);
    expect(thrown(() => load('', 'exact')).message).toContain(`key '--arithmetic': bad configuration value: must be hlsforge or hls4ml, not "exact"`);
  });
});

describe('the softmax under each arithmetic', () => {
  it("computes hlsforge's own softmax by default, hls4ml's stable one under Arithmetic: hls4ml", () => {
    expect(softmaxOf('').implementation).toBe('hlsforge');
    expect(softmaxOf('', 'hls4ml').implementation).toBe('stable');
    expect(softmaxOf('HLSConfig: { LayerName: { sm: { Implementation: legacy } } }\n').implementation).toBe('legacy');
    expect(softmaxOf('HLSConfig: { LayerType: { Softmax: { Implementation: hlsforge } } }\n', 'hls4ml').implementation).toBe('hlsforge');
  });

  it("takes hls4ml's accum_t default for stable and latency (exp_table_t with ceil(log2 n) more integer bits) unless one is set", () => {
    expect(formatFixedType(softmaxOf('', 'hls4ml').precision.accum!)).toBe('ap_fixed<21,11>');
    expect(formatFixedType(softmaxOf("HLSConfig: { LayerName: { sm: { exp_table_t: 'ap_ufixed<10,2>' } } }\n", 'hls4ml').precision.accum!)).toBe('ap_ufixed<13,5>');
    expect(formatFixedType(softmaxOf("HLSConfig: { LayerName: { sm: { accum_t: 'ap_fixed<12,4>' } } }\n", 'hls4ml').precision.accum!)).toBe('ap_fixed<12,4>');
    expect(formatFixedType(softmaxOf('').precision.accum!)).toBe('ap_fixed<18,8,AP_RND,AP_SAT>');
  });

  it('reads exp_table_size and inv_table_size beside TableSize', () => {
    const sm = softmaxOf('HLSConfig: { LayerName: { sm: { TableSize: 512, exp_table_size: 256, inv_table_size: 2048 } } }\n', 'hls4ml');
    expect([sm.tableSize, sm.expTableSize, sm.invTableSize]).toEqual([512, 256, 2048]);
    expect(thrown(() => load('HLSConfig: { Model: { exp_table_size: 100 } }\n')).message).toContain(`key 'HLSConfig.Model.exp_table_size': bad configuration value: must be a power of two from 2 to 65536, not 100`);
  });
});

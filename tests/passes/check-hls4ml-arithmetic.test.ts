import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { collectWarnings } from '../../src/diagnostics/warnings.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { checkHls4mlArithmetic } from '../../src/passes/check-hls4ml-arithmetic.ts';
import { thrown } from '../helpers/thrown.ts';
import { tempConfigs } from '../config/temp-configs.ts';

const temp = tempConfigs();

/** input[4] → dense fc[3] → elu, configured by `yaml`, through apply-config and the check */
function check(yaml: string) {
  const graph = {
    name: 'g',
    layers: [
      { kind: 'input', name: 'x', inputs: [], shape: [4] },
      { kind: 'dense', name: 'fc', inputs: ['x'], shape: [3], nIn: 4, nOut: 3, weights: new Float64Array(12), bias: new Float64Array(3) },
      { kind: 'elu', name: 'act', inputs: ['fc'], shape: [3], alpha: 1, tableSize: 1024 },
    ],
    outputs: ['act'],
  } as unknown as Graph;
  const config = loadConfig({ configFile: join(temp.write({ 'c.yml': `OnnxModel: m.onnx\n${yaml}` }), 'c.yml') });
  return collectWarnings(() => checkHls4mlArithmetic.run(applyConfig.run(graph, config), config));
}

describe('check-hls4ml-arithmetic', () => {
  it('refuses a rounding or saturating dense accumulator under Arithmetic: hls4ml, with the catalogued error', () => {
    for (const accum of ['ap_fixed<20,8,AP_RND>', 'ap_fixed<20,8,AP_TRN,AP_SAT>']) {
      const e = thrown(() => check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { accum_t: '${accum}' } } }\n`));
      expect(e.code).toBe('unsupported-precision');
      expect(e.message).toMatch(/layer 'fc' \(dense\): key 'accum': precision outside what the emulator computes exactly: accum must truncate and wrap under Arithmetic: hls4ml \(hls4ml casts each product to accum_t first\), not ap_fixed<20,8,AP_(RND|TRN),?(AP_SAT)?>; supported: AP_TRN with AP_WRAP \(or Arithmetic: hlsforge\)$/);
    }
  });

  it('accepts the same accumulator under hlsforge arithmetic, and a truncating, wrapping one under hls4ml', () => {
    expect(check(`HLSConfig: { LayerName: { fc: { accum_t: 'ap_fixed<20,8,AP_RND>' } } }\n`).warnings).toEqual([]);
    const { warnings } = check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { accum_t: 'ap_fixed<20,8>' } } }\n`);
    expect(warnings.map((w) => [w.code, w.detail])).toEqual([
      ['config-not-honoured', "elu keeps hlsforge's lookup table (docs/arithmetic.md); hls4ml's table indexing is not reproduced yet"],
    ]);
  });
});

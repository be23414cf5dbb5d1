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

const accumulationOf = (g: Graph) => g.layers.map((l) => ('accumulation' in l ? l.accumulation : undefined));

describe('check-hls4ml-arithmetic', () => {
  it('marks dense products for hls4ml accumulation, rounding and saturating accumulators included, under Arithmetic: hls4ml only', () => {
    for (const accum of ['ap_fixed<20,8,AP_RND>', 'ap_fixed<20,8,AP_TRN,AP_SAT>', 'ap_fixed<20,8>']) {
      const { result } = check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { accum_t: '${accum}' } } }\n`);
      expect(accumulationOf(result)).toEqual([undefined, 'hls4ml', undefined]);
      expect(accumulationOf(check(`HLSConfig: { LayerName: { fc: { accum_t: '${accum}' } } }\n`).result)).toEqual([undefined, undefined, undefined]);
    }
  });

  it("refuses a saturating accumulator with Strategy: Resource and ReuseFactor > 1 (hls4ml's resource kernel adds in another order)", () => {
    const e = thrown(() => check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { accum_t: 'ap_fixed<20,8,AP_RND,AP_SAT>', Strategy: Resource, ReuseFactor: 2 } } }\n`));
    expect(e.code).toBe('unsupported-precision');
    expect(e.message).toMatch(/layer 'fc' \(dense\): key 'accum': precision outside what the emulator computes exactly: accum must wrap under Arithmetic: hls4ml with Strategy: Resource and ReuseFactor 2 \(hls4ml's resource kernel adds the products in another order\), not ap_fixed<20,8,AP_RND,AP_SAT>; supported: AP_WRAP, Strategy: Latency, or Arithmetic: hlsforge$/);
    for (const ok of ["accum_t: 'ap_fixed<20,8,AP_RND_CONV>', Strategy: Resource, ReuseFactor: 2", "accum_t: 'ap_fixed<20,8,AP_RND,AP_SAT>', Strategy: Latency, ReuseFactor: 2", "accum_t: 'ap_fixed<20,8,AP_RND,AP_SAT>', Strategy: Resource, ReuseFactor: 1"])
      expect(accumulationOf(check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { ${ok} } } }\n`).result)[1]).toBe('hls4ml');
  });

  it('accepts the same accumulator under hlsforge arithmetic, and a truncating, wrapping one under hls4ml', () => {
    expect(check(`HLSConfig: { LayerName: { fc: { accum_t: 'ap_fixed<20,8,AP_RND>' } } }\n`).warnings).toEqual([]);
    const { warnings } = check(`Arithmetic: hls4ml\nHLSConfig: { LayerName: { fc: { accum_t: 'ap_fixed<20,8>' } } }\n`);
    expect(warnings.map((w) => [w.code, w.detail])).toEqual([
      ['config-not-honoured', "elu keeps hlsforge's lookup table (docs/arithmetic.md); hls4ml's table indexing is not reproduced yet"],
    ]);
  });

  it("warns once that recurrent layers keep hlsforge's gate arithmetic under Arithmetic: hls4ml, and not under hlsforge's", () => {
    const graph = {
      name: 'g',
      layers: [
        { kind: 'input', name: 'x', inputs: [], shape: [5, 3], precision: {} },
        { kind: 'lstm', name: 'lstm1', inputs: ['x'], shape: [4], precision: {} },
        { kind: 'gru', name: 'gru1', inputs: ['x'], shape: [4], precision: {} },
      ],
      outputs: ['lstm1', 'gru1'],
    } as unknown as Graph;
    const run = (arithmetic: string) => {
      const config = loadConfig({ configFile: join(temp.write({ 'r.yml': `OnnxModel: m.onnx\nArithmetic: ${arithmetic}\n` }), 'r.yml') });
      return collectWarnings(() => checkHls4mlArithmetic.run(graph, config));
    };
    expect(run('hls4ml').warnings.map((w) => [w.code, w.where.layer, w.detail])).toEqual([
      ['config-not-honoured', 'lstm1', "lstm keeps hlsforge's exact gate arithmetic (docs/arithmetic.md); hls4ml's recurrent cells are not reproduced yet"],
      ['config-not-honoured', 'gru1', "gru keeps hlsforge's exact gate arithmetic (docs/arithmetic.md); hls4ml's recurrent cells are not reproduced yet"],
    ]);
    expect(run('hlsforge').warnings).toEqual([]);
  });
});

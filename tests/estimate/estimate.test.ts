import { describe, expect, it } from 'vitest';
import { planRtl } from '../../src/backends/rtl/index.ts';
import { estimate } from '../../src/estimate/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, Strategy } from '../../src/ir/layers.ts';
import { ChainBuilder, fx, projectConfig } from '../backends/hls/graph-builders.ts';

const config = { ...projectConfig('est', '/tmp/unused'), backend: 'RTL' as const };

const mlp = (precision: string, reuseFactor = 1, strategy: Strategy = reuseFactor > 1 ? 'resource' : 'latency'): Graph =>
  new ChainBuilder('est', 8, fx(precision), 5)
    .dense(8, { reuseFactor, strategy })
    .relu()
    .dense(4, { reuseFactor, strategy })
    .softmax()
    .build();

const withWeights = (g: Graph, f: (w: Float64Array) => Float64Array): Graph => ({
  ...g,
  layers: g.layers.map((l): Layer => (l.kind === 'dense' ? { ...l, weights: f(l.weights) } : l)),
});

describe('estimate', () => {
  it('gives the same figures for the same graph twice', () => {
    expect(estimate(mlp('ap_fixed<8,3>'), config)).toEqual(estimate(mlp('ap_fixed<8,3>'), config));
  });

  it('reports exactly the latency and II of the RTL design (planRtl)', () => {
    for (const rf of [1, 2, 4]) {
      const g = mlp('ap_fixed<10,4>', rf);
      const plan = planRtl(g, config);
      const e = estimate(g, config).rtl!;
      expect([e.latencyCycles, e.ii]).toEqual([plan.latencyCycles, plan.ii]);
      expect(e.latencyNs).toBe(plan.latencyCycles * config.clockPeriod);
      const layers = e.layers.filter((l) => l.kind !== 'top').map((l) => [l.name, l.latencyCycles, l.ii]);
      expect(layers).toEqual(plan.perLayer.map((l) => [l.name, l.latency, l.ii]));
    }
  });

  it('grows with the width: more LUT + FF at 16 bits than at 12, and at 12 than at 8', () => {
    const area = (p: string) => {
      const t = estimate(mlp(p), config).rtl!.total;
      return t.lut + t.ff;
    };
    expect(area('ap_fixed<12,4>')).toBeGreaterThan(area('ap_fixed<8,3>'));
    expect(area('ap_fixed<16,6>')).toBeGreaterThan(area('ap_fixed<12,4>'));
    const hls = (p: string) => estimate(mlp(p), config).hls.total;
    expect(hls('ap_fixed<16,6>').lut + hls('ap_fixed<16,6>').ff).toBeGreaterThan(hls('ap_fixed<8,3>').lut + hls('ap_fixed<8,3>').ff);
  });

  it('spends nothing on zero weights: an all-zero dense layer has no multiplier and no DSP', () => {
    const e = estimate(withWeights(mlp('ap_fixed<16,6>'), (w) => w.map(() => 0)), config);
    for (const b of [e.rtl!, e.hls]) {
      const dense = b.layers.filter((l) => l.kind === 'dense');
      expect(dense.map((l) => [l.dsp, l.multipliers.dsp, l.multipliers.lut, l.multipliers.free])).toEqual([
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]);
    }
  });

  it('costs less when most weights are pruned to zero', () => {
    // Strategy: Resource, so that the cost model's DSP products stay (Strategy: Latency drops those that delay a layer)
    const dense = estimate(mlp('ap_fixed<16,6>', 1, 'resource'), config).rtl!.total;
    const pruned = estimate(withWeights(mlp('ap_fixed<16,6>', 1, 'resource'), (w) => w.map((v) => (Math.abs(v) < 0.5 ? 0 : v))), config).rtl!.total;
    expect(pruned.dsp).toBeLessThan(dense.dsp);
    expect(pruned.lut).toBeLessThan(dense.lut);
  });

  it('divides the multipliers by the reuse factor', () => {
    // DspCost 0 under Strategy: Resource: every product Yosys would put on a DSP stays a multiply cell at reuse factor 1
    // too (docs/rtl.md)
    const count = (rf: number) => estimate(mlp('ap_fixed<16,6>', rf, 'resource'), { ...config, dspCost: 0 });
    const dsp1 = count(1).rtl!.layers.find((l) => l.name === 'dense_1')!;
    for (const rf of [2, 4]) {
      const layer = count(rf).rtl!.layers.find((l) => l.name === 'dense_1')!;
      const hls = count(rf).hls.layers.find((l) => l.name === 'dense_1')!;
      // 8 inputs in slots of ceil(8 / rf): every output has ceil(8 / rf) shared multipliers
      expect(layer.multipliers.dsp + layer.multipliers.lut).toBe(8 * Math.ceil(8 / rf));
      expect(hls.multipliers.dsp + hls.multipliers.lut).toBe(Math.ceil((dsp1.multipliers.dsp + dsp1.multipliers.lut + dsp1.multipliers.free) / rf));
      expect(layer.ii).toBe(rf);
    }
  });

  it('labels the HLS figures as a model and falls back to it when the RTL backend cannot build the graph', () => {
    const g = mlp('ap_fixed<8,3>');
    expect(estimate(g, config).hls.method).toMatch(/^MODEL/);
    // two outputs are fine (branching graphs), an output that is no layer is not
    const forked: Graph = { ...g, outputs: [...g.outputs, 'relu_2'] };
    expect(estimate(forked, config).rtl?.latencyCycles).toBe(planRtl(forked, config).latencyCycles);
    const e = estimate({ ...g, outputs: ['missing'] }, config);
    expect(e.rtl).toBeUndefined();
    expect(e.rtlError).toMatch(/output 'missing' must be a layer of the graph/);
  });
});

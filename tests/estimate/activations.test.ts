import { describe, expect, it } from 'vitest';
import { planRtl } from '../../src/backends/rtl/index.ts';
import { estimate } from '../../src/estimate/index.ts';
import { SELU_ALPHA, SELU_SCALE } from '../../src/ir/layers.ts';
import { projectConfig } from '../backends/hls/graph-builders.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';

const config = { ...projectConfig('est', '/tmp/unused'), backend: 'RTL' as const };
const N = 4;
const one = (spec: LayerSpec) => chain([{ kind: 'input', name: 'x', shape: [N] }, spec]);

const LAYERS: Record<string, LayerSpec> = {
  prelu: { kind: 'prelu', name: 'a', shape: [N], alpha: Float64Array.from([0.1, 0.2, 0.3, 0.4]) },
  hard_sigmoid: { kind: 'hard_sigmoid', name: 'a', shape: [N], alpha: 0.2, beta: 0.5 },
  hard_tanh: { kind: 'hard_tanh', name: 'a', shape: [N] },
  thresholded_relu: { kind: 'thresholded_relu', name: 'a', shape: [N], theta: 1 },
  binary_tanh: { kind: 'binary_tanh', name: 'a', shape: [N] },
  ternary_tanh: { kind: 'ternary_tanh', name: 'a', shape: [N], threshold: 0.5 },
  elu: { kind: 'elu', name: 'a', shape: [N], alpha: 1, tableSize: 1024 },
  selu: { kind: 'selu', name: 'a', shape: [N], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 1024 },
  softplus: { kind: 'softplus', name: 'a', shape: [N], tableSize: 1024 },
  softsign: { kind: 'softsign', name: 'a', shape: [N], tableSize: 1024 },
  silu: { kind: 'silu', name: 'a', shape: [N], tableSize: 1024 },
};

describe('estimates of the more activations', () => {
  for (const [kind, spec] of Object.entries(LAYERS)) {
    it(`estimates ${kind} in both backends, the RTL one with the planned latency`, () => {
      const g = one(spec);
      const e = estimate(g, config);
      expect(e.rtlError).toBeUndefined();
      const [rtl, hls] = [e.rtl!.layers.find((l) => l.name === 'a')!, e.hls.layers.find((l) => l.name === 'a')!];
      expect(rtl.latencyCycles).toBe(planRtl(g, config).perLayer.find((l) => l.name === 'a')!.latency);
      expect(rtl.lut + rtl.ff).toBeGreaterThan(0);
      expect(hls.lut + hls.ff).toBeGreaterThan(0);
      // a 16×16-bit constant product is a DSP in the HLS model for the kinds that multiply (prelu, hard_sigmoid, selu)
      expect(hls.dsp > 0).toBe(['prelu', 'hard_sigmoid', 'selu'].includes(kind));
    });
  }

  it('counts the table activations bigger than the exact ones (a 1024-entry ROM per element)', () => {
    const lut = (kind: string) => estimate(one(LAYERS[kind]), config).rtl!.layers.find((l) => l.name === 'a')!.lut;
    expect(lut('softsign')).toBeGreaterThan(lut('hard_tanh'));
  });
});

import { describe, expect, it } from 'vitest';
import { planRtl } from '../../../src/backends/rtl/index.ts';
import { estimateRtl, TOP_ROW } from '../../../src/estimate/rtl/estimate-rtl.ts';
import { formatBackend } from '../../../src/estimate/format.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { dag } from '../../emulator/build-graph.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';
import { dataMovement, dots, mergeOfFour, mergeOfTwo, residualMlp, twoInTwoOut } from '../../rtlsim/branching-graphs.ts';
import { conv1dGraph, conv2dGraph, smallCnn } from '../../rtlsim/conv-graphs.ts';

const config = configFor();

/** x[6] → relu → add(relu, x): the skip waits for the relu in a delay line as long as the relu's latency. */
const shortSkip = (): Graph =>
  dag([
    { kind: 'input', name: 'x', shape: [6], precision: { result: 'ap_fixed<10,4>' } },
    { kind: 'relu', name: 'r', shape: [6], from: ['x'], precision: { result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } },
    { kind: 'merge', name: 'm', op: 'add', shape: [6], from: ['r', 'x'], precision: { result: 'ap_fixed<12,5>' } },
  ]);

describe('estimateRtl on branching graphs', () => {
  for (const g of [mergeOfTwo(), mergeOfTwo(3), mergeOfFour(), dataMovement(), dots(), twoInTwoOut(), residualMlp(), residualMlp(4), conv2dGraph(), conv1dGraph(), smallCnn('ap_fixed<8,3>', 3)])
    it(`reports the planned latency, II and per-layer timing of ${g.name}`, () => {
      const plan = planRtl(g, config);
      const e = estimateRtl(g, config);
      expect([e.latencyCycles, e.ii]).toEqual([plan.latencyCycles, plan.ii]);
      expect(e.layers.filter((l) => l.kind !== 'top').map((l) => [l.name, l.latencyCycles, l.ii])).toEqual(plan.perLayer.map((l) => [l.name, l.latency, l.ii]));
      expect(e.layers[e.layers.length - 1].name).toBe(TOP_ROW);
      // the deepest stage of the scheduled layers, within the budget of the clock period (no single cell is longer here)
      const deepest = plan.perLayer.reduce((m, l) => ((l.worstStageNs ?? -1) > (m?.worstStageNs ?? -1) ? l : m), undefined as (typeof plan.perLayer)[number] | undefined);
      expect(e.pipeline).toEqual(deepest && { worstNs: deepest.worstStageNs, layer: deepest.name, budgetNs: plan.stageNs });
      expect(plan.worstStageNs).toBeLessThanOrEqual(plan.stageNs);
      if (deepest) expect(formatBackend(e)).toContain(`deepest pipeline stage: ${deepest.worstStageNs!.toFixed(2)} ns of logic (layer '${deepest.name}') against a stage budget of 4.35 ns`);
    });

  it('counts a short skip line as flip-flops in the top, beside the valid pipeline (II 1: no input register)', () => {
    const g = shortSkip();
    // a 1.5 ns clock: the relu's cast crosses a register (at 5 ns the relu and the add flow through in one stage)
    const fast = { ...config, clockPeriod: 1.5 };
    const plan = planRtl(g, fast);
    const [relu, add] = ['r', 'm'].map((n) => plan.perLayer.find((l) => l.name === n)!);
    expect(relu.latency).toBeGreaterThan(0);
    expect(relu.latency).toBeLessThan(3); // a line of 3 or more would be a shift register
    // the skip line, and the out register of the add's result (still in logic)
    expect(add.outDepthNs).toBeGreaterThan(0);
    expect(plan.delayBits).toBe(6 * 10 * relu.latency + 6 * 12);
    const top = estimateRtl(g, fast).layers.find((l) => l.name === TOP_ROW)!;
    expect(top.ff).toBe(plan.latencyCycles + plan.delayBits);
  });

  it('counts a long skip line as shift-register LUTs, as Yosys maps it', () => {
    const g = mergeOfTwo();
    // a 2.5 ns clock: the dense layer takes at least 3 cycles, so x's line is long enough for shift registers
    const fast = { ...config, clockPeriod: 2.5 };
    const plan = planRtl(g, fast);
    const dense = plan.perLayer.find((l) => l.name === 'd')!;
    expect(dense.latency).toBeGreaterThanOrEqual(3);
    const top = estimateRtl(g, fast).layers.find((l) => l.name === TOP_ROW)!;
    // x (60 bits) waits `dense.latency` cycles: one SRL LUT per bit instead of dense.latency flip-flops
    expect(top.lut).toBeGreaterThanOrEqual(60);
    expect(top.ff).toBeLessThan(plan.latencyCycles + plan.delayBits);
  });

  it('counts a convolution by its multipliers: fewer DSPs at a higher reuse factor, pad, crop and upsample free', () => {
    // DspCost 0 under Strategy: Resource keeps the reuse-factor-1 products on DSPs (the default cost model makes these
    // 8-bit ones shift-adds, and Strategy: Latency would drop DSP products that make the layer later)
    const onDsp = { ...config, dspCost: 0 };
    const resource = (g: Graph): Graph => ({ ...g, layers: g.layers.map((l) => ({ ...l, strategy: 'resource' as const })) });
    const [one, three] = [estimateRtl(resource(smallCnn('ap_fixed<8,3>')), onDsp), estimateRtl(smallCnn('ap_fixed<8,3>', 3), onDsp)];
    expect(estimateRtl(smallCnn('ap_fixed<8,3>'), config).layers.find((l) => l.name === 'conv')!.dsp).toBe(0);
    const conv = (e: typeof one) => e.layers.find((l) => l.name === 'conv')!;
    const plan = planRtl(resource(smallCnn('ap_fixed<8,3>')), onDsp).perLayer.find((l) => l.name === 'conv')!;
    expect(conv(one).dsp).toBeGreaterThan(0);
    expect(conv(one).dsp).toBeLessThanOrEqual(plan.multipliers);
    expect(conv(three).dsp).toBeLessThan(conv(one).dsp);
    for (const l of estimateRtl(conv2dGraph(), config).layers.filter((l) => ['pad', 'crop', 'upsample'].includes(l.kind)))
      expect([l.lut, l.ff, l.dsp]).toEqual([0, 0, 0]);
  });
});

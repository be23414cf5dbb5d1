import { describe, expect, it } from 'vitest';
import { buildProjectView } from '../../src/backends/hls/build-view.ts';
import { plannedSources } from '../../src/backends/hls/file-plan.ts';
import { projectMeta } from '../../src/backends/hls/metadata.ts';
import { buildDesign } from '../../src/backends/rtl/design.ts';
import { planRtl } from '../../src/backends/rtl/index.ts';
import { estimate } from '../../src/estimate/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { designInitiationInterval, layerInitiationInterval, pipelineStyle } from '../../src/ir/timing.ts';
import { ChainBuilder, fx, projectConfig } from '../backends/hls/graph-builders.ts';
import { recurrent, recurrentGraph } from '../rtlsim/recurrent-graphs.ts';

const config = projectConfig('timing', '/tmp/unused');

/**
 * The II Vivado HLS is asked for, read back from the generated C++ alone: with `PIPELINE II = N` on the top function
 * it is N; with `DATAFLOW` every layer call is a process and the slowest sets the pace: a dense process takes its
 * config's reuse_factor cycles (the latency kernel pipelines at II = reuse_factor, the resource kernel's ReuseLoop
 * runs reuse_factor iterations at II 1), every other kernel pipelines at II 1.
 */
function hlsII(graph: Graph): { style: 'pipeline' | 'dataflow'; ii: number } {
  const files = plannedSources(buildProjectView(graph, config, 'test'));
  const top = files.find((f) => f.path === 'firmware/timing.cpp')!.content;
  const params = files.find((f) => f.path === 'firmware/parameters.h')!.content;
  const pipeline = [...top.matchAll(/^#pragma HLS PIPELINE II = (\d+)$/gm)].map((m) => Number(m[1]));
  const dataflow = (top.match(/^#pragma HLS DATAFLOW$/gm) ?? []).length;
  expect(pipeline.length + dataflow).toBe(1);
  if (pipeline.length === 1) return { style: 'pipeline', ii: pipeline[0] };
  const reuse = [...params.matchAll(/reuse_factor = (\d+);/g)].map((m) => Number(m[1]));
  return { style: 'dataflow', ii: Math.max(1, ...reuse) };
}

function allIIs(graph: Graph) {
  const rtl = planRtl(graph, { ...config, backend: 'RTL' });
  const e = estimate(graph, { ...config, backend: 'RTL' });
  return { hls: hlsII(graph).ii, rtl: rtl.ii, rtlEstimate: e.rtl!.ii, hlsEstimate: e.hls.ii };
}

// Latency dense R 1 → relu carrying a meaningless ReuseFactor 8 → Resource dense R 3 → Latency dense R 2 → softmax
const mixed = (): Graph =>
  new ChainBuilder('mixed', 8, fx('ap_fixed<12,4>'), 3)
    .dense(8, { reuseFactor: 1, strategy: 'latency' })
    .relu({ reuseFactor: 8 })
    .dense(6, { reuseFactor: 3, strategy: 'resource' })
    .relu()
    .dense(4, { reuseFactor: 2, strategy: 'latency' })
    .softmax()
    .build();

// every dense layer uses the Latency strategy, with reuse factors 2 and 4; the relu carries ReuseFactor 8
const latencyOnly = (): Graph =>
  new ChainBuilder('lat', 8, fx('ap_fixed<12,4>'), 5)
    .dense(8, { reuseFactor: 2 })
    .relu({ reuseFactor: 8 })
    .dense(4, { reuseFactor: 4 })
    .build();

describe('initiation interval', () => {
  it('of a mixed-strategy design is the same in the HLS C++, the RTL design and both estimates: the largest dense reuse factor', () => {
    const g = mixed();
    expect(hlsII(g).style).toBe('dataflow');
    expect(allIIs(g)).toEqual({ hls: 3, rtl: 3, rtlEstimate: 3, hlsEstimate: 3 });
    expect(designInitiationInterval(g)).toBe(3);
    const meta = projectMeta(g, config, buildProjectView(g, config, 'test'), 'test', 1);
    expect([meta.ii, meta.pipelineStyle]).toEqual([3, 'dataflow']);
  });

  it('of a Latency-only design is one top-level PIPELINE at the largest dense reuse factor, not a non-dense layer\'s ReuseFactor', () => {
    const g = latencyOnly();
    expect(hlsII(g)).toEqual({ style: 'pipeline', ii: 4 });
    expect(allIIs(g)).toEqual({ hls: 4, rtl: 4, rtlEstimate: 4, hlsEstimate: 4 });
  });

  it('of a Latency dense with reuse factor 4 next to a Resource dense with reuse factor 2 is 4 everywhere', () => {
    const g = new ChainBuilder('both', 8, fx('ap_fixed<10,3>'), 9)
      .dense(8, { reuseFactor: 4, strategy: 'latency' })
      .relu()
      .dense(4, { reuseFactor: 2, strategy: 'resource' })
      .build();
    expect(pipelineStyle(g)).toBe('dataflow');
    expect(allIIs(g)).toEqual({ hls: 4, rtl: 4, rtlEstimate: 4, hlsEstimate: 4 });
  });

  it('of every layer in the RTL design and in the HLS estimate is layerInitiationInterval\'s', () => {
    for (const g of [mixed(), latencyOnly()]) {
      const byName = new Map(g.layers.map((l) => [l.name, layerInitiationInterval(l)]));
      const rtl = planRtl(g, { ...config, backend: 'RTL' }).perLayer.map((l) => [l.name, l.ii]);
      expect(rtl).toEqual(rtl.map(([name]) => [name, byName.get(name as string)]));
      const hls = estimate(g, config).hls.layers.map((l) => [l.name, l.ii]);
      expect(hls).toEqual(g.layers.filter((l) => l.kind !== 'input').map((l) => [l.name, l.kind === 'dense' ? l.reuseFactor : 1]));
    }
  });

  it('is 1 for a design whose layers all have reuse factor 1, scheduled as one PIPELINE', () => {
    const g = new ChainBuilder('one', 4, fx('ap_fixed<8,3>'), 1).dense(4).relu().dense(2).build();
    expect(hlsII(g)).toEqual({ style: 'pipeline', ii: 1 });
    expect(allIIs(g)).toEqual({ hls: 1, rtl: 1, rtlEstimate: 1, hlsEstimate: 1 });
  });

  it('of a recurrent design is one figure per backend: T·R in the HLS pragma and HLS estimate, the RTL plan\'s T·P in the RTL design, its estimate and summaries', () => {
    const T = 4;
    const layers = [
      recurrent('lstm', 'lstm', 1, { steps: T, reuseFactor: 2 }),
      recurrent('gru', 'gru', 2, { steps: T, resetAfter: false, returnSequences: true, reuseFactor: 3 }),
      recurrent('simple_rnn', 'rnn', 3, { steps: T }),
    ];
    const g = recurrentGraph('rec', layers, ['lstm', 'gru', 'rnn'], { shape: [T, 3], type: 'ap_fixed<16,6>' });
    const rf = new Map(layers.map((l) => [l.name, l.reuseFactor]));
    // HLS: the step loop pipelines at II = R, T steps per sample
    expect(layers.map((l) => layerInitiationInterval(g.layers.find((x) => x.name === l.name)!))).toEqual([T * 2, T * 3, T]);
    expect(hlsII(g)).toEqual({ style: 'pipeline', ii: T * 3 });
    const e = estimate(g, { ...config, backend: 'RTL' });
    expect(e.hls.ii).toBe(T * 3);
    expect(e.hls.layers.map((l) => [l.name, l.ii])).toEqual(layers.map((l) => [l.name, T * rf.get(l.name)!]));
    // RTL: each layer's II is T·P with the step period P its module comment states, and every RTL figure agrees
    const d = buildDesign(g, { ...config, backend: 'RTL' });
    const periods = d.layers.map((p) => Number(/ = (\d+) cycles$/m.exec(p.hw.module.comment.join('\n'))![1]));
    expect(periods.every((p) => p >= 2)).toBe(true); // a step waits for the state to leave the lane pipeline
    const rtlII = d.layers.map((p, i) => [p.layer.name, T * periods[i]]);
    expect(d.layers.map((p) => [p.layer.name, p.hw.ii])).toEqual(rtlII);
    const plan = planRtl(g, { ...config, backend: 'RTL' });
    expect(plan.perLayer.map((l) => [l.name, l.ii])).toEqual(rtlII);
    const designII = Math.max(...rtlII.map(([, ii]) => ii as number));
    expect([plan.ii, d.ii, e.rtl!.ii]).toEqual([designII, designII, designII]);
    expect(e.rtl!.layers.filter((l) => rf.has(l.name)).map((l) => [l.name, l.ii])).toEqual(rtlII);
    expect(d.top.comment.join('\n')).toContain(`; II ${designII} (in_valid is ignored for ${designII - 1} cycles`);
    // the two backends' figures differ only where the RTL plan has its own (here every layer is recurrent)
    expect(designII).not.toBe(T * 3);
  });
});

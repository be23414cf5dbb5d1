import { describe, expect, it } from 'vitest';
import { buildProjectView } from '../../src/backends/hls/build-view.ts';
import { plannedSources } from '../../src/backends/hls/file-plan.ts';
import { projectMeta } from '../../src/backends/hls/metadata.ts';
import { planRtl } from '../../src/backends/rtl/index.ts';
import { estimate } from '../../src/estimate/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { designInitiationInterval, layerInitiationInterval, pipelineStyle } from '../../src/ir/timing.ts';
import { ChainBuilder, fx, projectConfig } from '../backends/hls/graph-builders.ts';

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
});

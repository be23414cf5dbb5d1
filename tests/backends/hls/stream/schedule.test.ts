import { describe, expect, it } from 'vitest';
import { buildStreamProjectView } from '../../../../src/backends/hls/stream/build-stream-view.ts';
import { peakOccupancy } from '../../../../src/backends/hls/stream/schedule.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import type { Layer } from '../../../../src/ir/layers.ts';
import { verifyGraph } from '../../../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../../../emulator/build-graph.ts';
import { projectConfig } from '../graph-builders.ts';

type Spec = LayerSpec & { from?: string[] };
const W = 16;
const conv3x3 = (name: string, from: string, channels: number): Spec => ({
  kind: 'conv', name, from: [from], shape: [W, W, channels], nIn: channels, nOut: channels, kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegin: [1, 1], padEnd: [1, 1],
  weights: randomArray(rng(1), 9 * channels * channels, 1), bias: randomArray(rng(2), channels, 1),
});

function depths(specs: Spec[], outputs: string[], reuse: Record<string, number> = {}): Map<string, number> {
  const g0 = dag(specs, outputs);
  const graph: Graph = { ...g0, layers: g0.layers.map((l) => (reuse[l.name] ? ({ ...l, reuseFactor: reuse[l.name] } as Layer) : l)) };
  verifyGraph(graph, { configured: true });
  const view = buildStreamProjectView(graph, { ...projectConfig('p', '/tmp/unused'), ioType: 'io_stream' }, 'test');
  return new Map(view.stream!.streams.map((s) => [s.name, s.depth]));
}

describe('io_stream FIFO depths come from the schedule', () => {
  it('counts the packs a FIFO holds between their writes and reads', () => {
    expect(peakOccupancy([0, 1, 2, 3], [1, 2, 3, 4])).toBe(1);
    expect(peakOccupancy([0, 1, 2, 3], [10, 11, 12, 13])).toBe(4);
    expect(peakOccupancy([0, 0, 0, 5], [1, 2, 3, 6])).toBe(3);
  });

  it('holds the direct branch of a merge while a 3×3 convolution on the other branch fills its line buffer', () => {
    const d = depths(
      [
        { kind: 'input', name: 'x', shape: [W, W, 2] },
        { kind: 'relu', name: 'r', shape: [W, W, 2], from: ['x'] },
        conv3x3('c', 'r', 2),
        { kind: 'merge', name: 'sum', op: 'add', shape: [W, W, 2], from: ['c', 'r'] },
      ],
      ['sum'],
    );
    // the convolution's first output needs input pixel (1, 1): the direct copy of r holds at least a row and a pixel,
    // plus the cycle per row the convolution loses at the right edge (its last pixel of a row completes two outputs)
    const direct = d.get('layer2_out_cpy2')!;
    expect(direct).toBeGreaterThanOrEqual(W + 1);
    expect(direct).toBeLessThanOrEqual(2 * W + 2);
    expect(d.get('layer2_out_cpy1')!).toBeLessThanOrEqual(W);
    expect(d.get('layer3_out')!).toBeLessThan(4);
  });

  it('buffers what a fast producer writes ahead of a convolution with reuse factor 4', () => {
    const specs: Spec[] = [
      { kind: 'input', name: 'x', shape: [W, W, 2] },
      { kind: 'relu', name: 'r', shape: [W, W, 2], from: ['x'] },
      conv3x3('c', 'r', 2),
    ];
    const slow = depths(specs, ['c'], { c: 4 }).get('layer2_out')!;
    const fast = depths(specs, ['c']).get('layer2_out')!;
    // the relu writes a pack per cycle, the convolution takes one per 4 cycles: about 3/4 of the image waits
    expect(slow).toBeGreaterThan(0.7 * W * W);
    expect(slow).toBeLessThanOrEqual(W * W);
    // at reuse factor 1 only the cycle lost per row at the right edge accumulates
    expect(fast).toBeLessThanOrEqual(W);
  });
});

import { describe, expect, it } from 'vitest';
import type { Window } from '../../../../src/ir/layers.ts';
import { windowIndex, windowOutputSpatial } from '../../../../src/ir/window.ts';
import { window2d, windowIterations, windowTrigger } from '../../../../src/backends/hls/stream/window-stream.ts';
import { rng } from '../../../emulator/build-graph.ts';

/** Random windows over random 1-D and 2-D inputs that fit (strides, dilations, uneven padding up to beyond the kernel). */
function randomCases(n: number): { inShape: number[]; w: Window }[] {
  const random = rng(77);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases: { inShape: number[]; w: Window }[] = [];
  while (cases.length < n) {
    const r = int(1, 2);
    const w: Window = {
      kernel: Array.from({ length: r }, () => int(1, 4)),
      strides: Array.from({ length: r }, () => int(1, 3)),
      dilations: Array.from({ length: r }, () => int(1, 3)),
      padBegin: Array.from({ length: r }, () => int(0, 4)),
      padEnd: Array.from({ length: r }, () => int(0, 4)),
    };
    const inShape = [...Array.from({ length: r }, () => int(1, 9)), int(1, 3)];
    if (windowOutputSpatial(inShape.slice(0, -1), w).every((d) => d >= 1)) cases.push({ inShape, w });
  }
  return cases;
}

describe('the io_stream line buffer computes every output from taps that have arrived and are still buffered', () => {
  it('computes each output after every input pixel its window.ts taps read, while those rows are still in the buffer', () => {
    for (const { inShape, w } of randomCases(400)) {
      const g = window2d(inShape, w);
      const index = windowIndex(inShape.slice(0, -1), w);
      let computedAt = -1; // outputs leave in raster order: output o is computed at the latest trigger so far
      for (let o = 0; o < g.outH * g.outW; o++) {
        computedAt = Math.max(computedAt, windowTrigger(g, Math.floor(o / g.outW), o % g.outW));
        const row = Math.floor(computedAt / g.inW);
        for (let t = 0; t < g.taps; t++) {
          const q = index[o * g.taps + t];
          if (q < 0) continue;
          expect(q).toBeLessThanOrEqual(computedAt); // arrived
          expect(row - Math.floor(q / g.inW)).toBeLessThan(g.lineRows); // its row slot not overwritten yet
        }
      }
    }
  });

  it('writes every output exactly once and reads every input pixel exactly once', () => {
    for (const { inShape, w } of randomCases(200)) {
      const g = window2d(inShape, w);
      let reads = 0;
      let writes = 0;
      for (const it of windowIterations(g, 2)()) {
        reads += it.reads.length;
        writes += it.writes;
        expect(it.cycles).toBe(Math.max(1, 2 * it.writes));
      }
      expect(reads).toBe(g.inH * g.inW);
      expect(writes).toBe(g.outH * g.outW);
    }
  });
});

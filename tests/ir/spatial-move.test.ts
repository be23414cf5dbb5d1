import { describe, expect, it } from 'vitest';
import type { LayerOf } from '../../src/ir/layers.ts';
import { spatialSource } from '../../src/ir/spatial-move.ts';

const base = { inputs: ['x'], precision: {} as never, reuseFactor: 1, strategy: 'latency' as const };
const padLayer = (x: number[], b: number[], e: number[]): LayerOf<'pad'> => ({ ...base, kind: 'pad', name: 'p', padBegin: b, padEnd: e, shape: [...x.slice(0, -1).map((s, a) => s + b[a] + e[a]), x[x.length - 1]] });
const cropLayer = (x: number[], b: number[], e: number[]): LayerOf<'crop'> => ({ ...base, kind: 'crop', name: 'c', cropBegin: b, cropEnd: e, shape: [...x.slice(0, -1).map((s, a) => s - b[a] - e[a]), x[x.length - 1]] });
const upLayer = (x: number[], f: number[]): LayerOf<'upsample'> => ({ ...base, kind: 'upsample', name: 'u', factors: f, shape: [...x.slice(0, -1).map((s, a) => s * f[a]), x[x.length - 1]] });
const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

const SHAPES: { x: number[]; b: number[]; e: number[]; f: number[] }[] = [
  { x: [7, 3], b: [2], e: [1], f: [3] },
  { x: [4, 5, 2], b: [1, 0], e: [0, 2], f: [2, 1] },
  { x: [3, 3, 1], b: [0, 0], e: [0, 0], f: [1, 1] },
];

describe('the gather of pad, crop and upsample', () => {
  for (const { x, b, e, f } of SHAPES) {
    it(`pads ${x.join('×')} by [${b}]/[${e}] reading every input element once, in order, and zeros elsewhere`, () => {
      const index = spatialSource(padLayer(x, b, e), x);
      const read = Array.from(index).filter((i) => i >= 0);
      expect(read).toEqual(Array.from({ length: size(x) }, (_, i) => i));
      expect(index.length - read.length).toBe(size(padLayer(x, b, e).shape) - size(x));
    });

    it(`crops what it padded: crop ∘ pad of ${x.join('×')} by [${b}]/[${e}] is the identity`, () => {
      const p = padLayer(x, b, e);
      const padded = spatialSource(p, x);
      const cropped = spatialSource(cropLayer(p.shape as number[], b, e), p.shape);
      expect(Array.from(cropped, (j) => padded[j])).toEqual(Array.from({ length: size(x) }, (_, i) => i));
    });

    it(`upsamples ${x.join('×')} by [${f}] reading every input element Π factors times, channels kept`, () => {
      const index = spatialSource(upLayer(x, f), x);
      const counts = new Array<number>(size(x)).fill(0);
      index.forEach((i) => counts[i]++);
      expect(counts.every((n) => n === size(f))).toBe(true);
      const c = x[x.length - 1];
      index.forEach((i, j) => expect(i % c).toBe(j % c));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { estimateHls } from '../../../src/estimate/hls/estimate-hls.ts';
import { HLS_RULES } from '../../../src/estimate/hls/model.ts';
import { convRule, depthwiseRule } from '../../../src/estimate/hls/window-layers.ts';
import { fixedType } from '../../../src/fixed/index.ts';
import type { Layer, LayerOf } from '../../../src/ir/layers.ts';
import { layerInitiationInterval } from '../../../src/ir/timing.ts';
import { projectConfig } from '../../backends/hls/graph-builders.ts';
import { convSpec, depthwiseSpec, poolSpec, windowGraph, type Spec } from '../../backends/hls/window-graphs.ts';

const inType = fixedType(10, 3);
const layerOf = (spec: Spec) => windowGraph([{ kind: 'input', name: 'x', shape: [1] }, spec], [spec.name]).layers[1] as Layer;
const ctx = (inShape: number[]) => ({ inType, inSize: inShape.reduce((a, b) => a * b, 1), inShape });

/** The dense layer over a convolution's im2col vector: weights [taps · nIn][nOut], the same numbers. */
const denseOf = (c: LayerOf<'conv'>): LayerOf<'dense'> => ({ ...c, kind: 'dense', nIn: c.weights.length / c.nOut, nOut: c.nOut, shape: [c.nOut] }) as unknown as LayerOf<'dense'>;

describe('HLS model of the io_parallel convolution family', () => {
  it('prices a convolution with one output position exactly as the dense layer over its im2col vector', () => {
    for (const rf of [1, 3, 8]) {
      const c = layerOf(convSpec('c', 'x', [3, 3, 4], 5, { kernel: [3, 3], seed: 1, reuseFactor: rf })) as LayerOf<'conv'>;
      expect(convRule(c, ctx([3, 3, 4])), `RF ${rf}`).toEqual(HLS_RULES.dense(denseOf(c), ctx([36])));
    }
  });

  it('multiplies the unrolled cost by the output positions, and a padding tap costs nothing', () => {
    const one = layerOf(convSpec('c', 'x', [1, 1, 6], 4, { kernel: [1, 1], seed: 2 })) as LayerOf<'conv'>;
    const many = { ...one, shape: [5, 7, 4] };
    const [a, b] = [convRule(one, ctx([1, 1, 6])), convRule(many, ctx([5, 7, 6]))];
    expect(b.multipliers).toEqual({ dsp: 35 * a.multipliers.dsp, lut: 35 * a.multipliers.lut, free: 35 * a.multipliers.free });
    expect([b.lut, b.dsp]).toEqual([35 * a.lut, 35 * a.dsp]);
    // a 3-tap 1-D kernel over 1 position padded on both sides reads only its middle tap: the cost of a 1-tap kernel
    const padded = layerOf(convSpec('p', 'x', [1, 6], 4, { kernel: [3], padBegin: [1], padEnd: [1], seed: 3 })) as LayerOf<'conv'>;
    const middle = { ...padded, kernel: [1], padBegin: [0], padEnd: [0], weights: padded.weights.slice(24, 48) };
    const [p, m] = [convRule(padded, ctx([1, 6])), convRule(middle, ctx([1, 6]))];
    expect([p.lut, p.dsp, p.multipliers]).toEqual([m.lut, m.dsp, m.multipliers]);
  });

  it('shares the multipliers of a depthwise layer over its reuse factor', () => {
    const d = (rf: number) => layerOf(depthwiseSpec('d', 'x', [8, 8, 4], 2, { kernel: [3, 3], seed: 4, reuseFactor: rf })) as LayerOf<'depthwise_conv'>;
    const wide = { ...ctx([8, 8, 4]), inType: fixedType(18, 6) };
    const [r1, r4] = [depthwiseRule(d(1), wide), depthwiseRule(d(4), wide)];
    const products = r1.multipliers.dsp + r1.multipliers.lut + r1.multipliers.free;
    expect(r4.multipliers.dsp).toBe(Math.ceil(products / 4));
    expect(r4.latencyCycles).toBe(4 + 3);
  });

  it('estimates a whole network of every kind with the II of ir/timing.ts per layer', () => {
    const specs: Spec[] = [
      { kind: 'input', name: 'x', shape: [8, 8, 2] },
      convSpec('c', 'x', [8, 8, 2], 4, { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], seed: 5, reuseFactor: 2 }),
      poolSpec('p', 'c', [8, 8, 4], 'max', { kernel: [2, 2], strides: [2, 2] }),
      { kind: 'upsample', name: 'u', from: ['p'], shape: [8, 8, 4], factors: [2, 2] } as Spec,
      { kind: 'pad', name: 'z', from: ['u'], shape: [10, 10, 4], padBegin: [1, 1], padEnd: [1, 1] } as Spec,
      depthwiseSpec('d', 'z', [10, 10, 4], 1, { kernel: [3, 3], seed: 6 }),
      { kind: 'crop', name: 'k', from: ['d'], shape: [6, 6, 4], cropBegin: [1, 1], cropEnd: [1, 1] } as Spec,
      poolSpec('a', 'k', [6, 6, 4], 'average', { kernel: [6, 6] }),
    ];
    const g = windowGraph(specs, ['a']);
    const e = estimateHls(g, projectConfig('est', '/tmp/unused'));
    expect(e.layers.map((l) => [l.name, l.ii])).toEqual(g.layers.slice(1).map((l) => [l.name, layerInitiationInterval(l)]));
    expect(e.ii).toBe(2);
    const by = Object.fromEntries(e.layers.map((l) => [l.name, l]));
    for (const move of ['u', 'z', 'k']) expect([by[move].lut, by[move].latencyCycles]).toEqual([0, 0]);
    expect(by.c.latencyCycles).toBe(2 + 3);
    expect(by.a.multipliers.lut).toBe(4); // one 1/36 multiply per channel
    expect(e.latencyCycles).toBe(e.layers.reduce((s, l) => s + l.latencyCycles, 0) + 1);
  });
});

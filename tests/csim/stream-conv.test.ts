import { describe, expect, it } from 'vitest';
import { inputLayers, sizeOf, type Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { windowOutputSpatial } from '../../src/ir/window.ts';
import { seededRandom, uniform } from '../backends/hls/graph-builders.ts';
import { oracle } from '../backends/hls/stream/window-oracle.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact } from './csim-harness.ts';

const TIMEOUT = 300_000;
type Spec = LayerSpec & { from?: string[] };

function graphOf(specs: Spec[], outputs: string[], reuse: Record<string, number> = {}): Graph {
  const g = dag(specs, outputs);
  const graph = { ...g, layers: g.layers.map((l) => (reuse[l.name] ? ({ ...l, reuseFactor: reuse[l.name] } as Layer) : l)) };
  verifyGraph(graph, { configured: true });
  return graph;
}

/**
 * io_stream C simulation against the emulator: zero mismatches; the emulator in turn equals the im2col reference of
 * tests/backends/hls/stream/window-oracle.ts (the emulator's dense over window.ts gathers, pooling in BigInt).
 */
async function csimAgainstOracle(graph: Graph, batch: number, seed: number, range = 4) {
  const run = await csimAgainstEmulator(graph, { batch, seed, range, ioType: 'io_stream' });
  expectBitExact(run);
  const inputSize = inputLayers(graph).reduce((a, l) => a + sizeOf(l.shape), 0);
  const inputs = uniform(batch * inputSize, seededRandom(seed), -range, range);
  expect(Array.from(oracle(graph, inputs, batch))).toEqual(Array.from(run.emulation.output));
  return run;
}

type Win = { kernel: number[]; strides: number[]; dilations: number[]; padBegin: number[]; padEnd: number[] };
const win = (kernel: number[], o: Partial<Win> = {}): Win => ({
  kernel,
  strides: o.strides ?? kernel.map(() => 1),
  dilations: o.dilations ?? kernel.map(() => 1),
  padBegin: o.padBegin ?? kernel.map(() => 0),
  padEnd: o.padEnd ?? kernel.map(() => 0),
});
const outShape = (inShape: number[], w: Win, channels: number) => [...windowOutputSpatial(inShape.slice(0, -1), w), channels];

let seed = 900;
function conv(name: string, from: string, inShape: number[], nOut: number, w: Win, precision: Record<string, string>): Spec {
  const random = rng(seed++);
  const nIn = inShape[inShape.length - 1];
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  return { kind: 'conv', name, from: [from], shape: outShape(inShape, w, nOut), nIn, nOut, ...w, weights: randomArray(random, taps * nIn * nOut, 1.5 / Math.sqrt(taps * nIn), 0.1), bias: randomArray(random, nOut, 0.5), precision };
}
function depthwise(name: string, from: string, inShape: number[], multiplier: number, w: Win, precision: Record<string, string>): Spec {
  const random = rng(seed++);
  const channels = inShape[inShape.length - 1];
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  return { kind: 'depthwise_conv', name, from: [from], shape: outShape(inShape, w, channels * multiplier), channels, multiplier, ...w, weights: randomArray(random, taps * channels * multiplier, 1.2 / Math.sqrt(taps)), bias: randomArray(random, channels * multiplier, 0.5), precision };
}
const pool = (name: string, from: string, inShape: number[], op: 'max' | 'average', w: Win, result: string, countPad = false): Spec => ({
  kind: 'pool', name, from: [from], shape: outShape(inShape, w, inShape[inShape.length - 1]), op, countPad, ...w, precision: { result },
});
const input = (name: string, shape: number[], result: string): Spec => ({ kind: 'input', name, shape, from: [], precision: { result } });

describe('io_stream C simulation of the convolution family agrees with the emulator bit for bit', () => {
  it('runs conv 3×3 same → relu → max pool 2×2 with a saturating rounding accumulator, reuse factors 1 and 3', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        input('x', [9, 8, 3], 'ap_fixed<10,3,AP_RND>'),
        conv('c1', 'x', [9, 8, 3], 5, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), { accum: 'ap_fixed<12,4,AP_RND,AP_SAT>', result: 'ap_fixed<12,4,AP_RND_CONV,AP_SAT>', weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,2>' }),
        { kind: 'relu', name: 'r1', shape: [9, 8, 5], from: ['c1'], precision: { result: 'ap_ufixed<9,3,AP_RND,AP_SAT>' } },
        pool('p1', 'r1', [9, 8, 5], 'max', win([2, 2], { strides: [2, 2] }), 'ap_ufixed<8,3>'),
        conv('c2', 'p1', [4, 4, 5], 4, win([2, 3], { padEnd: [1, 0] }), { accum: 'ap_fixed<14,5,AP_TRN,AP_SAT>', result: 'ap_fixed<10,4,AP_RND>' }),
      ],
      ['c2', 'p1'],
      { c2: 3 },
    );
    await csimAgainstOracle(graph, 60, 11);
  });

  it('runs 1-D and 2-D windows with strides, dilations and uneven padding: conv, depthwise (multiplier 2), average pools with and without counted padding', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        input('s', [17, 4], 'ap_fixed<12,4>'),
        conv('c1d', 's', [17, 4], 6, win([3], { strides: [2], dilations: [2], padBegin: [2], padEnd: [1] }), { accum: 'ap_fixed<16,6,AP_RND_ZERO,AP_SAT>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' }),
        pool('a1d', 'c1d', [8, 6], 'average', win([3], { strides: [2], padBegin: [1], padEnd: [1] }), 'ap_fixed<12,4,AP_RND,AP_SAT>', true),
        input('img', [7, 9, 3], 'ap_fixed<10,4,AP_RND_CONV>'),
        depthwise('dw', 'img', [7, 9, 3], 2, win([3, 2], { strides: [2, 1], dilations: [1, 2], padBegin: [0, 1], padEnd: [2, 1] }), { accum: 'ap_fixed<13,5,AP_RND,AP_SAT>', result: 'ap_fixed<11,4,AP_RND_INF,AP_SAT>' }),
        pool('avg', 'dw', [4, 9, 6], 'average', win([3, 3], { strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }), 'ap_fixed<12,4,AP_RND,AP_SAT>'),
      ],
      ['a1d', 'avg', 'dw'],
      { dw: 2, c1d: 4 },
    );
    await csimAgainstOracle(graph, 50, 12);
  });

  it('pads, crops and upsamples 1-D and 2-D tensors and reconverges a line-buffered branch with a direct one', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        input('x', [6, 5, 2], 'ap_fixed<10,4>'),
        { kind: 'pad', name: 'pad', shape: [9, 7, 2], from: ['x'], padBegin: [1, 2], padEnd: [2, 0] },
        { kind: 'crop', name: 'crop', shape: [6, 5, 2], from: ['pad'], cropBegin: [2, 1], cropEnd: [1, 1] },
        { kind: 'upsample', name: 'up', shape: [12, 15, 2], from: ['crop'], factors: [2, 3] },
        conv('c', 'x', [6, 5, 2], 2, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), { accum: 'ap_fixed<14,5>', result: 'ap_fixed<12,5>' }),
        { kind: 'merge', name: 'sum', op: 'add', shape: [6, 5, 2], from: ['c', 'x'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } },
        input('v', [7, 3], 'ap_fixed<9,3>'),
        { kind: 'pad', name: 'pad1', shape: [10, 3], from: ['v'], padBegin: [3], padEnd: [0] },
        { kind: 'upsample', name: 'up1', shape: [20, 3], from: ['pad1'], factors: [2] },
        { kind: 'crop', name: 'crop1', shape: [17, 3], from: ['up1'], cropBegin: [1], cropEnd: [2] },
      ],
      ['up', 'sum', 'crop1'],
    );
    await csimAgainstOracle(graph, 40, 13);
  });

  it('converts a channels-first input and output in the testbench (edge transposes), convolves and flattens into a dense', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        input('nchw', [3, 6, 5], 'ap_fixed<10,3,AP_RND>'),
        { kind: 'transpose', name: 'nhwc', shape: [6, 5, 3], perm: [1, 2, 0], from: ['nchw'] },
        conv('c', 'nhwc', [6, 5, 3], 4, win([3, 3], { strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }), { accum: 'ap_fixed<14,5,AP_RND,AP_SAT>', result: 'ap_fixed<10,4,AP_RND>' }),
        { kind: 'reshape', name: 'flat', shape: [36], from: ['c'] },
        { kind: 'dense', name: 'fc', shape: [5], from: ['flat'], nIn: 36, nOut: 5, weights: randomArray(rng(5), 180, 0.4), bias: randomArray(rng(6), 5, 0.5), precision: { result: 'ap_fixed<12,5>' } },
        { kind: 'transpose', name: 'nchw_out', shape: [4, 3, 3], perm: [2, 0, 1], from: ['c'] },
      ],
      ['fc', 'c', 'nchw_out'],
      { fc: 4 },
    );
    await csimAgainstOracle(graph, 100, 15);
  });

  it('streams a 256×256×3 image through conv 3×3 → relu → max pool 2×2 in seconds, with nothing in the code growing with the image', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        input('img', [256, 256, 3], 'ap_fixed<10,2,AP_RND>'),
        conv('c', 'img', [256, 256, 3], 4, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), { accum: 'ap_fixed<16,6>', result: 'ap_fixed<12,4,AP_RND,AP_SAT>' }),
        { kind: 'relu', name: 'r', shape: [256, 256, 4], from: ['c'], precision: { result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } },
        pool('p', 'r', [256, 256, 4], 'max', win([2, 2], { strides: [2, 2] }), 'ap_ufixed<8,3>'),
      ],
      ['p'],
    );
    await csimAgainstOracle(graph, 3, 14, 2);
  });
});

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';

const TIMEOUT = 300_000;
type Spec = LayerSpec & { from?: string[] };

function graphOf(specs: Spec[], outputs: string[], reuse: Record<string, [number, 'latency' | 'resource']> = {}): Graph {
  const g = dag(specs, outputs);
  const layers = g.layers.map((l) => (reuse[l.name] ? ({ ...l, reuseFactor: reuse[l.name][0], strategy: reuse[l.name][1] } as Layer) : l));
  const graph = { ...g, layers };
  verifyGraph(graph, { configured: true });
  return graph;
}

let seed = 500;
function dense(name: string, from: string, nIn: number, nOut: number, result = 'ap_fixed<16,6>', accum = 'ap_fixed<16,6>'): Spec {
  const random = rng(seed++);
  const scale = 2 / Math.sqrt(nIn);
  return { kind: 'dense', name, shape: [nOut], from: [from], nIn, nOut, weights: randomArray(random, nIn * nOut, scale), bias: randomArray(random, nOut, 0.5), precision: { result, accum } };
}

describe('io_stream C simulation of dense and branching graphs agrees with the emulator bit for bit', () => {
  it('runs a dense chain with reuse factors 1, 3 (resource) and 4 (latency), relu, batchnorm and softmax', { timeout: TIMEOUT }, async () => {
    const random = rng(9);
    const graph = graphOf(
      [
        { kind: 'input', name: 'x', shape: [16], precision: { result: 'ap_fixed<12,4>' } },
        dense('fc1', 'x', 16, 24, 'ap_fixed<14,6,AP_RND,AP_SAT>', 'ap_fixed<18,8>'),
        { kind: 'relu', name: 'relu1', shape: [24], from: ['fc1'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
        dense('fc2', 'relu1', 24, 12, 'ap_fixed<12,5,AP_RND_CONV,AP_SAT>', 'ap_fixed<14,6,AP_RND,AP_SAT>'),
        { kind: 'batchnorm', name: 'bn', shape: [12], from: ['fc2'], scale: randomArray(random, 12, 2), bias: randomArray(random, 12, 1), precision: { result: 'ap_fixed<12,4,AP_RND,AP_SAT>' } },
        dense('fc3', 'bn', 12, 5),
        { kind: 'softmax', name: 'sm', shape: [5], from: ['fc3'], tableSize: 1024, precision: { result: 'ap_ufixed<16,0,AP_RND,AP_SAT>' } },
      ],
      ['sm'],
      { fc1: [3, 'resource'], fc2: [4, 'latency'] },
    );
    const run = await csimAgainstEmulator(graph, { batch: 800, seed: 41, range: 4, ioType: 'io_stream' });
    expectBitExact(run);
    expect(overflowsOf(run, 'accum') + overflowsOf(run, 'result')).toBeGreaterThan(0);
  });

  it('concatenates along every axis, transposes, reshapes between pack sizes and takes a dot product', { timeout: TIMEOUT }, async () => {
    const input = (name: string, shape: number[], result: string): Spec => ({ kind: 'input', name, shape, from: [], precision: { result } });
    const random = rng(7);
    const graph = graphOf(
      [
        input('x', [2, 3, 4], 'ap_fixed<12,5>'),
        input('a', [1, 3, 4], 'ap_fixed<10,2,AP_RND>'),
        input('b', [2, 1, 4], 'ap_ufixed<8,3>'),
        input('c', [2, 3, 1], 'ap_fixed<9,6,AP_RND_ZERO>'),
        input('v', [5], 'ap_fixed<10,4>'),
        input('w', [3], 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>'),
        { kind: 'concatenate', name: 'cat0', axis: 0, shape: [3, 3, 4], from: ['x', 'a'], precision: { result: 'ap_fixed<9,3,AP_RND,AP_SAT>' } },
        { kind: 'concatenate', name: 'cat1', axis: 1, shape: [2, 4, 4], from: ['b', 'x'], precision: { result: 'ap_fixed<8,4,AP_RND_CONV,AP_WRAP>' } },
        { kind: 'concatenate', name: 'cat2', axis: 2, shape: [2, 3, 9], from: ['x', 'c', 'x'], precision: { result: 'ap_fixed<10,4,AP_TRN_ZERO,AP_SAT_SYM>' } },
        { kind: 'concatenate', name: 'cat1d', axis: 0, shape: [13], from: ['v', 'w', 'v'], precision: { result: 'ap_fixed<9,3,AP_RND_INF,AP_SAT>' } },
        { kind: 'transpose', name: 'tr', perm: [2, 0, 1], shape: [4, 2, 3], from: ['x'] },
        { kind: 'transpose', name: 'tr2', perm: [1, 2, 0], shape: [3, 9, 2], from: ['cat2'] },
        { kind: 'reshape', name: 'flat', shape: [24], from: ['tr'] },
        { kind: 'reshape', name: 'rows', shape: [6, 4], from: ['x'] },
        { kind: 'batchnorm', name: 'bn', shape: [5], from: ['v'], scale: randomArray(random, 5, 2), bias: randomArray(random, 5, 1), precision: { result: 'ap_fixed<12,4,AP_RND,AP_SAT>' } },
        { kind: 'dot', name: 'dot', shape: [1], from: ['v', 'bn'], precision: { result: 'ap_fixed<14,7,AP_RND,AP_SAT>' } },
      ],
      ['cat0', 'cat1', 'cat2', 'cat1d', 'tr', 'tr2', 'flat', 'rows', 'dot', 'v'],
    );
    const run = await csimAgainstEmulator(graph, { batch: 300, seed: 31, range: 6, ioType: 'io_stream' });
    expectBitExact(run);
    expect(run.outputSize).toBe(36 + 32 + 54 + 13 + 24 + 54 + 24 + 24 + 1 + 5);
  });

  it('runs two inputs and two outputs with a merge of two branches and a skip connection read three times', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        { kind: 'input', name: 'p', shape: [6], precision: { result: 'ap_fixed<12,4>' } },
        { kind: 'input', name: 'q', shape: [4], from: [], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } },
        dense('dp', 'p', 6, 8),
        { kind: 'relu', name: 'rp', shape: [8], from: ['dp'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
        dense('dq', 'q', 4, 8, 'ap_fixed<14,5>'),
        { kind: 'merge', name: 'sum', op: 'add', shape: [8], from: ['rp', 'dq', 'rp'], precision: { result: 'ap_fixed<14,6,AP_RND,AP_SAT>' } },
        dense('out1', 'sum', 8, 3),
        { kind: 'concatenate', name: 'cat', axis: 0, shape: [12], from: ['rp', 'q'], precision: { result: 'ap_fixed<12,5>' } },
        dense('d2', 'cat', 12, 5),
        { kind: 'sigmoid', name: 'out2', shape: [5], from: ['d2'], tableSize: 1024, precision: { result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } },
      ],
      ['out1', 'out2', 'out1'],
      { dq: [2, 'resource'], d2: [5, 'latency'] },
    );
    const run = await csimAgainstEmulator(graph, { batch: 800, seed: 32, range: 4, ioType: 'io_stream' });
    expectBitExact(run);
    expect(run.outputSize).toBe(11);
  });
});

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/ir/graph.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf } from './csim-harness.ts';

const TIMEOUT = 300_000;
type Spec = LayerSpec & { from?: string[] };

function graphOf(specs: Spec[], outputs: string[]): Graph {
  const g = dag(specs, outputs);
  verifyGraph(g, { configured: true });
  return g;
}

let seed = 100;
function dense(name: string, from: string, nIn: number, nOut: number, result = 'ap_fixed<16,6>'): Spec {
  const random = rng(seed++);
  const scale = 2 / Math.sqrt(nIn);
  return { kind: 'dense', name, shape: [nOut], from: [from], nIn, nOut, weights: randomArray(random, nIn * nOut, scale), bias: randomArray(random, nOut, 0.5), precision: { result } };
}
const relu = (name: string, from: string, n: number, result = 'ap_fixed<16,6>'): Spec => ({ kind: 'relu', name, shape: [n], from: [from], precision: { result } });

describe('C simulation of branching graphs agrees with the emulator bit for bit', () => {
  it('concatenates along every axis of 3-D tensors and of 1-D tensors, transposes, reshapes and takes a dot product', { timeout: TIMEOUT }, async () => {
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
        { kind: 'batchnorm', name: 'bn', shape: [5], from: ['v'], scale: randomArray(random, 5, 2), bias: randomArray(random, 5, 1), precision: { result: 'ap_fixed<12,4,AP_RND,AP_SAT>' } },
        { kind: 'dot', name: 'dot', shape: [1], from: ['v', 'bn'], precision: { result: 'ap_fixed<14,7,AP_RND,AP_SAT>' } },
      ],
      ['cat0', 'cat1', 'cat2', 'cat1d', 'tr', 'tr2', 'flat', 'dot'],
    );
    const run = await csimAgainstEmulator(graph, { batch: 500, seed: 31, range: 6 });
    expectBitExact(run);
    expect(run.outputSize).toBe(36 + 32 + 54 + 13 + 24 + 54 + 24 + 1);
    expect(overflowsOf(run, 'result')).toBeGreaterThan(0);
  });

  it('runs a graph with two input layers and two outputs', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        { kind: 'input', name: 'p', shape: [6], precision: { result: 'ap_fixed<12,4>' } },
        { kind: 'input', name: 'q', shape: [4], from: [], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } },
        dense('dp', 'p', 6, 8),
        relu('rp', 'dp', 8, 'ap_ufixed<10,4,AP_RND,AP_SAT>'),
        dense('dq', 'q', 4, 8, 'ap_fixed<14,5>'),
        { kind: 'merge', name: 'sum', op: 'add', shape: [8], from: ['rp', 'dq'], precision: { result: 'ap_fixed<14,6,AP_RND,AP_SAT>' } },
        dense('out1', 'sum', 8, 3),
        { kind: 'concatenate', name: 'cat', axis: 0, shape: [12], from: ['rp', 'q'], precision: { result: 'ap_fixed<12,5>' } },
        dense('d2', 'cat', 12, 5),
        { kind: 'sigmoid', name: 'out2', shape: [5], from: ['d2'], tableSize: 1024, precision: { result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } },
      ],
      ['out1', 'out2'],
    );
    const run = await csimAgainstEmulator(graph, { batch: 1000, seed: 32, range: 4 });
    expectBitExact(run);
    expect(run.outputSize).toBe(8);
  });

  it('runs a residual MLP: a skip Add from the first relu, a Concatenate with another branch, dense and softmax', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        { kind: 'input', name: 'x', shape: [16], precision: { result: 'ap_fixed<16,6>' } },
        dense('fc1', 'x', 16, 32),
        relu('relu1', 'fc1', 32, 'ap_ufixed<12,5,AP_RND,AP_SAT>'),
        dense('fc2', 'relu1', 32, 32),
        { kind: 'merge', name: 'skip', op: 'add', shape: [32], from: ['fc2', 'relu1'], precision: { result: 'ap_fixed<16,6,AP_RND,AP_SAT>' } },
        dense('side', 'x', 16, 8, 'ap_fixed<12,4>'),
        relu('side_relu', 'side', 8),
        { kind: 'concatenate', name: 'joined', axis: 0, shape: [40], from: ['skip', 'side_relu'], precision: { result: 'ap_fixed<16,6>' } },
        dense('fc3', 'joined', 40, 10),
        { kind: 'softmax', name: 'softmax', shape: [10], from: ['fc3'], tableSize: 1024, precision: { result: 'ap_ufixed<16,0,AP_RND,AP_SAT>' } },
      ],
      ['softmax'],
    );
    const run = await csimAgainstEmulator(graph, { batch: 1000, seed: 33, range: 3 });
    expectBitExact(run);
  });

  it('copies outputs that are an input layer, a reshape or listed twice into ports of their own', { timeout: TIMEOUT }, async () => {
    const graph = graphOf(
      [
        { kind: 'input', name: 'p', shape: [2, 3], precision: { result: 'ap_fixed<12,4>' } },
        { kind: 'input', name: 'q', shape: [2, 3], from: [], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } },
        { kind: 'merge', name: 'mean', op: 'average', shape: [2, 3], from: ['p', 'q'], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } },
        { kind: 'transpose', name: 't', perm: [1, 0], shape: [3, 2], from: ['mean'] },
        { kind: 'reshape', name: 'flat', shape: [6], from: ['t'] },
        { kind: 'concatenate', name: 'twice', axis: 0, shape: [12], from: ['flat', 'flat'], precision: { result: 'ap_fixed<8,3>' } },
      ],
      ['twice', 'flat', 'q', 'twice'],
    );
    const run = await csimAgainstEmulator(graph, { batch: 500, seed: 34, range: 4 });
    expectBitExact(run);
    expect(run.outputSize).toBe(12 + 6 + 6 + 12);
  });
});

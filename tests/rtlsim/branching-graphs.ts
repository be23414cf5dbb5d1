import type { Graph } from '../../src/ir/graph.ts';
import type { MergeOp } from '../../src/ir/layers.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

/** Branching test graphs for the RTL backend, with their precisions set (built with the `dag` helper). */
type Spec = LayerSpec & { from?: string[] };

const X = 'ap_fixed<10,4>';

function denseSpec(name: string, from: string, nIn: number, nOut: number, seed: number, result: string, accum = 'ap_fixed<18,8>'): Spec {
  const random = rng(seed);
  return {
    kind: 'dense', name, from: [from], shape: [nOut], nIn, nOut,
    weights: randomArray(random, nIn * nOut, 1, 0.1), bias: randomArray(random, nOut, 0.5),
    precision: { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum, result },
  };
}

function batchnormSpec(name: string, from: string, shape: number[], seed: number, result: string): Spec {
  const random = rng(seed);
  const c = shape[shape.length - 1];
  return {
    kind: 'batchnorm', name, from: [from], shape, scale: randomArray(random, c, 2), bias: randomArray(random, c, 1),
    precision: { scale: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', result },
  };
}

/** The result type each merge op is cast to: every quantization and overflow mode, signed and unsigned. */
export const MERGE_RESULTS: Record<MergeOp, string> = {
  add: 'ap_fixed<10,4,AP_RND_CONV,AP_SAT>',
  subtract: 'ap_fixed<9,4,AP_TRN,AP_WRAP>',
  multiply: 'ap_fixed<14,6,AP_RND_INF,AP_SAT_SYM>',
  average: 'ap_ufixed<8,3,AP_RND,AP_SAT>',
  maximum: 'ap_fixed<7,3,AP_RND_ZERO,AP_SAT_ZERO>',
  minimum: 'ap_fixed<8,2,AP_TRN_ZERO,AP_WRAP_SM>',
};
export const OPS = Object.keys(MERGE_RESULTS) as MergeOp[];

/**
 * x[6] → dense d (several cycles, ap_fixed<12,5,AP_RND,AP_SAT>) and the direct skip x (ap_fixed<10,4>, 0 cycles);
 * one merge per op of the two (in both port orders), every merge an output.
 */
export function mergeOfTwo(reuseFactor = 1): Graph {
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: [6], precision: { result: X } },
      denseSpec('d', 'x', 6, 6, 1, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      ...OPS.map((op, k): Spec => ({ kind: 'merge', name: `m_${op}`, op, shape: [6], from: k % 2 ? ['x', 'd'] : ['d', 'x'], precision: { result: MERGE_RESULTS[op] } })),
    ],
    OPS.map((op) => `m_${op}`),
    reuseFactor > 1 ? `merge_of_two_rf${reuseFactor}` : 'merge_of_two',
  );
  return { ...g, layers: g.layers.map((l) => (l.kind === 'dense' ? { ...l, reuseFactor } : l)) };
}

/** Four branches of four types and three latencies (dense, skip, relu, batchnorm) into add/multiply/average/maximum/minimum. */
export function mergeOfFour(): Graph {
  const four = ['d', 'x', 'r', 'bn'];
  const ops: MergeOp[] = ['add', 'multiply', 'average', 'maximum', 'minimum'];
  return dag(
    [
      { kind: 'input', name: 'x', shape: [6], precision: { result: X } },
      denseSpec('d', 'x', 6, 6, 2, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      { kind: 'relu', name: 'r', shape: [6], from: ['x'], precision: { result: 'ap_ufixed<9,4,AP_RND,AP_SAT>' } },
      batchnormSpec('bn', 'x', [6], 3, 'ap_fixed<11,3,AP_RND,AP_WRAP>'),
      ...ops.map((op, k): Spec => ({ kind: 'merge', name: `m4_${op}`, op, shape: [6], from: [...four.slice(k % 4), ...four.slice(0, k % 4)], precision: { result: 'ap_fixed<16,8,AP_RND,AP_SAT>' } })),
    ],
    ops.map((op) => `m4_${op}`),
    'merge_of_four',
  );
}

/**
 * Data movement: x[2,3,2] transposed, and concatenated with batchnorm(x) (a later arrival, another type) along each
 * axis; a 1-D concatenation of the flattened x with a dense layer of it.
 */
export function dataMovement(): Graph {
  const shape = [2, 3, 2];
  const along = (axis: number) => shape.map((d, a) => (a === axis ? 2 * d : d));
  return dag(
    [
      { kind: 'input', name: 'x', shape, precision: { result: 'ap_fixed<12,5>' } },
      { kind: 'transpose', name: 't', shape: [2, 2, 3], perm: [2, 0, 1], from: ['x'] },
      batchnormSpec('bn', 'x', shape, 4, 'ap_fixed<10,2,AP_RND,AP_SAT>'),
      ...[0, 1, 2].map((axis): Spec => ({ kind: 'concatenate', name: `c${axis}`, axis, shape: along(axis), from: axis === 1 ? ['bn', 'x'] : ['x', 'bn'], precision: { result: 'ap_fixed<9,3,AP_RND,AP_SAT>' } })),
      { kind: 'reshape', name: 'flat', shape: [12], from: ['x'] },
      denseSpec('d', 'flat', 12, 5, 5, 'ap_fixed<14,6,AP_RND,AP_SAT>'),
      { kind: 'concatenate', name: 'c1d', axis: 0, shape: [17], from: ['flat', 'd'], precision: { result: 'ap_fixed<11,5,AP_RND_CONV,AP_WRAP>' } },
    ],
    ['t', 'c0', 'c1', 'c2', 'c1d'],
    'data_movement',
  );
}

/** dot(dense(x), x) and dot(x, relu(x)): products of two variable vectors of different types. */
export function dots(): Graph {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [8], precision: { result: X } },
      denseSpec('d', 'x', 8, 8, 6, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      { kind: 'relu', name: 'r', shape: [8], from: ['x'], precision: { result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } },
      { kind: 'dot', name: 'dot_dx', shape: [1], from: ['d', 'x'], precision: { result: 'ap_fixed<16,8,AP_RND,AP_SAT>' } },
      { kind: 'dot', name: 'dot_xr', shape: [1], from: ['x', 'r'], precision: { result: 'ap_fixed<10,6,AP_RND_CONV,AP_WRAP>' } },
    ],
    ['dot_dx', 'dot_xr'],
    'dots',
  );
}

/** Two inputs of different types and sizes, two outputs listed in the opposite order of their layers. */
export function twoInTwoOut(): Graph {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [5], precision: { result: 'ap_fixed<10,3>' } },
      { kind: 'input', name: 'y', shape: [3], from: [], precision: { result: 'ap_fixed<8,2,AP_RND,AP_SAT>' } },
      denseSpec('dx', 'x', 5, 3, 7, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      { kind: 'merge', name: 'sum', op: 'add', shape: [3], from: ['dx', 'y'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } },
      { kind: 'relu', name: 'out_a', shape: [3], from: ['sum'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
      { kind: 'concatenate', name: 'out_b', axis: 0, shape: [8], from: ['y', 'x'], precision: { result: 'ap_fixed<9,3,AP_RND,AP_SAT>' } },
    ],
    ['out_b', 'out_a'],
    'two_in_two_out',
  );
}

/**
 * The residual MLP: x[8] → dense → relu → dense, skip Add from the relu; Concatenate with another branch
 * (dense → tanh of x); dense; softmax. `reuse` sets the reuse factor of the second dense (on the residual branch).
 */
export function residualMlp(reuse = 1): Graph {
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: [8], precision: { result: X } },
      denseSpec('fc1', 'x', 8, 8, 8, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      { kind: 'relu', name: 'relu1', shape: [8], from: ['fc1'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
      denseSpec('fc2', 'relu1', 8, 8, 9, 'ap_fixed<14,6,AP_RND,AP_SAT>'),
      { kind: 'merge', name: 'skip_add', op: 'add', shape: [8], from: ['fc2', 'relu1'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } },
      denseSpec('fc_side', 'x', 8, 4, 10, 'ap_fixed<12,4,AP_RND,AP_SAT>'),
      { kind: 'tanh', name: 'tanh_side', shape: [4], from: ['fc_side'], tableSize: 512, precision: { table: 'ap_fixed<12,2,AP_RND,AP_SAT>', result: 'ap_fixed<10,2,AP_RND,AP_SAT>' } },
      { kind: 'concatenate', name: 'cat', axis: 0, shape: [12], from: ['skip_add', 'tanh_side'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } },
      denseSpec('fc_out', 'cat', 12, 5, 11, 'ap_fixed<14,6,AP_RND,AP_SAT>'),
      { kind: 'softmax', name: 'softmax', shape: [5], from: ['fc_out'], tableSize: 1024 },
    ],
    undefined,
    reuse > 1 ? `residual_mlp_rf${reuse}` : 'residual_mlp',
  );
  return { ...g, layers: g.layers.map((l) => (l.name === 'fc2' ? { ...l, reuseFactor: reuse } : l)) };
}

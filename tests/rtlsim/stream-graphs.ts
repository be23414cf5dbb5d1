import type { Graph } from '../../src/ir/graph.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

/** Test graphs for the io_stream RTL backend whose tensors are pixel streams, with their precisions set. */
type Spec = LayerSpec & { from?: string[] };

const X = 'ap_fixed<10,4>';

function dense(name: string, from: string, shape: number[], nIn: number, seed: number, result: string, accum = 'ap_fixed<18,8>'): Spec {
  const random = rng(seed);
  const nOut = shape[shape.length - 1];
  return {
    kind: 'dense', name, from: [from], shape, nIn, nOut,
    weights: randomArray(random, nIn * nOut, 1, 0.1), bias: randomArray(random, nOut, 0.5),
    precision: { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum, result },
  };
}

function batchnorm(name: string, from: string, shape: number[], seed: number, result: string): Spec {
  const random = rng(seed);
  const c = shape[shape.length - 1];
  return {
    kind: 'batchnorm', name, from: [from], shape, scale: randomArray(random, c, 2), bias: randomArray(random, c, 1),
    precision: { scale: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', result },
  };
}

/**
 * x[4,4,2] (16 pixels) → batchnorm per pixel → relu; add of the two; concatenation of channels with the input itself
 * (a skip that waits in a FIFO); flatten to [64] (16 transfers collected into one); dense 64→4 (at `reuse`); softmax.
 */
export function pixelBranches(reuse = 1): Graph {
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: [4, 4, 2], precision: { result: X } },
      batchnorm('bn', 'x', [4, 4, 2], 1, 'ap_fixed<12,5,AP_RND,AP_SAT>'),
      { kind: 'relu', name: 'act', shape: [4, 4, 2], from: ['bn'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
      { kind: 'merge', name: 'sum', op: 'add', shape: [4, 4, 2], from: ['bn', 'act'], precision: { result: 'ap_fixed<12,5,AP_RND_CONV,AP_SAT>' } },
      { kind: 'concatenate', name: 'cat', axis: 2, shape: [4, 4, 4], from: ['sum', 'x'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } },
      { kind: 'reshape', name: 'flat', shape: [64], from: ['cat'] },
      dense('fc', 'flat', [4], 64, 2, 'ap_fixed<14,6,AP_RND,AP_SAT>', 'ap_fixed<20,8,AP_RND,AP_SAT>'),
      { kind: 'softmax', name: 'softmax', shape: [4], from: ['fc'], tableSize: 1024 },
    ],
    undefined,
    reuse > 1 ? `pixel_branches_rf${reuse}` : 'pixel_branches',
  );
  return { ...g, layers: g.layers.map((l) => (l.name === 'fc' ? { ...l, reuseFactor: reuse } : l)) };
}

/** x[12] → dense 12→8 (at `reuse`) → reshape [4,2] (one transfer emitted as 4 pixels) → batchnorm per pixel → sigmoid. */
export function pixelsOut(reuse = 1): Graph {
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: [12], precision: { result: X } },
      dense('fc', 'x', [8], 12, 3, 'ap_fixed<12,4,AP_RND,AP_SAT>'),
      { kind: 'reshape', name: 'rows', shape: [4, 2], from: ['fc'] },
      batchnorm('bn', 'rows', [4, 2], 4, 'ap_fixed<12,4,AP_RND,AP_SAT>'),
      { kind: 'sigmoid', name: 'sig', shape: [4, 2], from: ['bn'], tableSize: 512, precision: { table: 'ap_fixed<12,2,AP_RND,AP_SAT>', result: 'ap_ufixed<10,1,AP_RND,AP_SAT>' } },
    ],
    undefined,
    reuse > 1 ? `pixels_out_rf${reuse}` : 'pixels_out',
  );
  return { ...g, layers: g.layers.map((l) => (l.name === 'fc' ? { ...l, reuseFactor: reuse } : l)) };
}

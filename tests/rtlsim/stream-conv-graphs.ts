import type { Graph } from '../../src/ir/graph.ts';
import { conv, crop, dag, depthwiseConv, pad, pool, randomArray, rng, upsample, type LayerSpec } from '../emulator/build-graph.ts';

/** Convolutional test graphs for the io_stream RTL backend, with their precisions set. */
type Spec = LayerSpec & { from?: string[] };

const X = 'ap_fixed<10,4>';
const CONV = { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<20,8>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' };
const at = (spec: LayerSpec, from: string): Spec => ({ ...spec, from: [from] });

function dense(name: string, from: string, nIn: number, nOut: number, seed: number): Spec {
  const random = rng(seed);
  return {
    kind: 'dense', name, from: [from], shape: [nOut], nIn, nOut, weights: randomArray(random, nIn * nOut, 0.5), bias: randomArray(random, nOut, 0.5),
    precision: { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<22,10,AP_RND,AP_SAT>', result: 'ap_fixed<14,7,AP_RND,AP_SAT>' },
  };
}

/**
 * x[8,8,2] → pad 1 → conv 3×3 (3 filters, at `reuse`) → relu → max pool 2×2 → depthwise 3×3 'same' (×2) → average
 * pool 3×3 stride 1 pad 1 (padding not counted) → crop → flatten → dense 3.
 */
export function convChain(reuse = 1): Graph {
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: [8, 8, 2], precision: { result: X } },
      at(pad('pad', [8, 8, 2], [1, 1], [1, 1]), 'x'),
      at(conv('conv', [10, 10, 2], 3, { kernel: [3, 3], random: rng(1), precision: CONV }), 'pad'),
      { kind: 'relu', name: 'relu', shape: [8, 8, 3], from: ['conv'], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
      at(pool('maxpool', [8, 8, 3], 'max', { kernel: [2, 2], precision: { result: 'ap_ufixed<9,4,AP_RND,AP_SAT>' } }), 'relu'),
      at(depthwiseConv('dw', [4, 4, 3], 2, { kernel: [3, 3], padding: 'same', random: rng(2), precision: CONV }), 'maxpool'),
      at(pool('avgpool', [4, 4, 6], 'average', { kernel: [3, 3], strides: [1, 1], padBegin: [1, 1], padEnd: [1, 1], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } }), 'dw'),
      at(crop('crop', [4, 4, 6], [1, 0], [0, 1]), 'avgpool'),
      { kind: 'reshape', name: 'flat', shape: [54], from: ['crop'] },
      dense('fc', 'flat', 54, 3, 3),
    ],
    undefined,
    reuse > 1 ? `conv_chain_rf${reuse}` : 'conv_chain',
  );
  return { ...g, layers: g.layers.map((l) => (l.name === 'conv' ? { ...l, reuseFactor: reuse } : l)) };
}

/**
 * 1-D: x[16,2] → conv k3 dilation 2 stride 2 'same' (4 filters) → average pool 2 counting padding (pad 1) →
 * upsample ×2 → flatten → dense 2.
 */
export function conv1d(): Graph {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [16, 2], precision: { result: X } },
      at(conv('conv', [16, 2], 4, { kernel: [3], strides: [2], dilations: [2], padding: 'same', random: rng(4), precision: CONV }), 'x'),
      at(pool('avg', [8, 4], 'average', { kernel: [2], strides: [2], padBegin: [1], padEnd: [1], countPad: true, precision: { result: 'ap_fixed<12,5,AP_RND_CONV,AP_SAT>' } }), 'conv'),
      at(upsample('up', [5, 4], [2]), 'avg'),
      { kind: 'reshape', name: 'flat', shape: [40], from: ['up'] },
      dense('fc', 'flat', 40, 2, 5),
    ],
    undefined,
    'conv_1d',
  );
}

/** A 64×64×2 image: conv 3×3 'same' (2 filters; its line buffer is a RAM) → max pool 4×4 → [16,16,2], streamed out. */
export function largeImage(): Graph {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [64, 64, 2], precision: { result: X } },
      at(conv('conv', [64, 64, 2], 2, { kernel: [3, 3], padding: 'same', random: rng(6), precision: CONV }), 'x'),
      at(pool('pool', [64, 64, 2], 'max', { kernel: [4, 4], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } }), 'conv'),
    ],
    undefined,
    'large_image',
  );
}

/** x[3,4,2] → upsample ×(2,3) → [6,12,2] → max pool 2×3 stride (2,2) → [3,5,2], streamed out. */
export function upsample2d(): Graph {
  return dag(
    [
      { kind: 'input', name: 'x', shape: [3, 4, 2], precision: { result: X } },
      at(upsample('up', [3, 4, 2], [2, 3]), 'x'),
      at(pool('pool', [6, 12, 2], 'max', { kernel: [2, 3], strides: [2, 2], precision: { result: 'ap_fixed<9,4,AP_RND,AP_SAT>' } }), 'up'),
    ],
    undefined,
    'upsample_2d',
  );
}

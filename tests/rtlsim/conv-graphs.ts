import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { windowOutputSpatial } from '../../src/ir/window.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

/** Convolution-family test graphs for the RTL backend: one input, every layer read from it and each one an output. */
type Spec = LayerSpec & { from?: string[] };
type Win = { kernel: number[]; strides: number[]; dilations: number[]; padBegin: number[]; padEnd: number[] };

const win = (kernel: number[], o: Partial<Win> = {}): Win => ({
  kernel,
  strides: o.strides ?? kernel.map(() => 1),
  dilations: o.dilations ?? kernel.map(() => 1),
  padBegin: o.padBegin ?? kernel.map(() => 0),
  padEnd: o.padEnd ?? kernel.map(() => 0),
});
const outShape = (x: number[], w: Win, c: number) => [...windowOutputSpatial(x.slice(0, -1), w), c];

interface Types { weight: string; bias: string; accum: string; result: string }

function convSpec(name: string, x: number[], w: Win, nOut: number, seed: number, p: Types): Spec {
  const random = rng(seed);
  const nIn = x[x.length - 1];
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  return { kind: 'conv', name, from: ['x'], shape: outShape(x, w, nOut), ...w, nIn, nOut, weights: randomArray(random, taps * nIn * nOut, 1, 0.1), bias: randomArray(random, nOut, 0.5), precision: p };
}

function depthwiseSpec(name: string, x: number[], w: Win, multiplier: number, seed: number, p: Types): Spec {
  const random = rng(seed);
  const channels = x[x.length - 1];
  const taps = w.kernel.reduce((a, b) => a * b, 1);
  const n = channels * multiplier;
  return { kind: 'depthwise_conv', name, from: ['x'], shape: outShape(x, w, n), ...w, channels, multiplier, weights: randomArray(random, taps * n, 1, 0.1), bias: randomArray(random, n, 0.5), precision: p };
}

const poolSpec = (name: string, x: number[], w: Win, op: 'max' | 'average', countPad: boolean, result: string): Spec =>
  ({ kind: 'pool', name, from: ['x'], shape: outShape(x, w, x[x.length - 1]), ...w, op, countPad, precision: { result } });

function withReuse(g: Graph, reuse: Record<string, number>): Graph {
  return { ...g, layers: g.layers.map((l) => (reuse[l.name] ? ({ ...l, reuseFactor: reuse[l.name] } as Layer) : l)) };
}

/** Everything read from x and output: a graph whose every layer is checked on its own output. */
function fanOut(name: string, x: number[], xType: string, specs: Spec[]): Graph {
  const input: Spec = { kind: 'input', name: 'x', shape: x, precision: { result: xType } };
  return dag([input, ...specs], specs.map((s) => s.name), name);
}

/**
 * 2-D, reuse factor 1, order-free accumulators (adder trees): conv with 'same' padding, stride 2, dilation 2 with
 * asymmetric padding; depthwise with multiplier 2, stride 2 and padding; max and average pools with padding (average
 * both without and with the padding counted, n = 4, 6, 9); pad, crop, upsample.
 */
export function conv2dGraph(): Graph {
  const x = [4, 4, 2];
  const t: Types = { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<18,8>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' };
  return fanOut('conv2d_family', x, 'ap_fixed<10,4>', [
    convSpec('conv_same', x, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), 2, 11, t),
    convSpec('conv_stride', x, win([2, 2], { strides: [2, 2] }), 3, 12, { ...t, result: 'ap_fixed<10,4,AP_TRN,AP_WRAP>' }),
    convSpec('conv_dilated', x, win([2, 2], { dilations: [2, 2], padBegin: [0, 1], padEnd: [1, 0] }), 2, 13, t),
    depthwiseSpec('depthwise', x, win([3, 3], { strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }), 2, 14, { ...t, result: 'ap_fixed<11,4,AP_RND_CONV,AP_SAT_SYM>' }),
    poolSpec('max_pool', x, win([2, 2], { strides: [2, 2] }), 'max', false, 'ap_fixed<8,3,AP_RND,AP_SAT>'),
    poolSpec('max_pool_same', x, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), 'max', false, 'ap_fixed<10,4>'),
    poolSpec('avg_pool', x, win([3, 3], { strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }), 'average', false, 'ap_fixed<10,3,AP_RND,AP_SAT>'),
    poolSpec('avg_pool_count_pad', x, win([3, 3], { strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }), 'average', true, 'ap_fixed<9,3,AP_RND_INF,AP_SAT>'),
    { kind: 'pad', name: 'pad', from: ['x'], shape: [5, 6, 2], padBegin: [1, 0], padEnd: [0, 2], precision: { result: 'ap_fixed<10,4>' } },
    { kind: 'crop', name: 'crop', from: ['x'], shape: [3, 3, 2], cropBegin: [1, 0], cropEnd: [0, 1], precision: { result: 'ap_fixed<10,4>' } },
    { kind: 'upsample', name: 'upsample', from: ['x'], shape: [8, 4, 2], factors: [2, 1], precision: { result: 'ap_fixed<10,4>' } },
  ]);
}

/**
 * 1-D, order-dependent accumulators (the exact add+cast chain) and reuse factors 3 and 2 on two of the convolutions:
 * conv with dilation 2 and padding (R 3), conv with stride 2, depthwise with stride 2 and padding (R 2), depthwise
 * with multiplier 2; pools with padding (max into an unsigned type, average with n = 2, 3); pad, crop, upsample.
 */
export function conv1dGraph(): Graph {
  const x = [9, 3];
  const t: Types = { weight: 'ap_fixed<6,1,AP_RND_CONV>', bias: 'ap_fixed<6,2>', accum: 'ap_fixed<14,6,AP_RND_CONV,AP_SAT>', result: 'ap_fixed<9,4,AP_RND_ZERO,AP_WRAP>' };
  const g = fanOut('conv1d_family', x, 'ap_fixed<8,3,AP_RND,AP_SAT>', [
    convSpec('conv_dilated_rf3', x, win([3], { dilations: [2], padBegin: [2], padEnd: [2] }), 2, 21, t),
    convSpec('conv_stride', x, win([2], { strides: [2] }), 3, 22, { ...t, accum: 'ap_fixed<12,5,AP_TRN,AP_SAT>' }),
    depthwiseSpec('depthwise_rf2', x, win([3], { strides: [2], padBegin: [1], padEnd: [1] }), 1, 23, { ...t, result: 'ap_fixed<8,3,AP_RND,AP_SAT>' }),
    depthwiseSpec('depthwise_m2', x, win([2]), 2, 24, { ...t, accum: 'ap_fixed<13,5,AP_RND,AP_WRAP_SM>' }),
    poolSpec('max_pool', x, win([3], { strides: [2], padBegin: [1], padEnd: [1] }), 'max', false, 'ap_ufixed<6,2,AP_RND,AP_SAT>'),
    poolSpec('avg_pool', x, win([3], { padBegin: [1], padEnd: [1] }), 'average', false, 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>'),
    { kind: 'pad', name: 'pad', from: ['x'], shape: [12, 3], padBegin: [2], padEnd: [1], precision: { result: 'ap_fixed<8,3>' } },
    { kind: 'crop', name: 'crop', from: ['x'], shape: [6, 3], cropBegin: [1], cropEnd: [2], precision: { result: 'ap_fixed<8,3>' } },
    { kind: 'upsample', name: 'upsample', from: ['x'], shape: [27, 3], factors: [3], precision: { result: 'ap_fixed<8,3>' } },
  ]);
  return withReuse(g, { conv_dilated_rf3: 3, depthwise_rf2: 2 });
}

/**
 * 2-D with an unsigned input and reuse factors 4 and 3: conv with asymmetric padding (R 4, 2 inputs per cycle),
 * depthwise 3×3 with padding (R 3); average pool with padding into an unsigned type; pad of an unsigned type.
 */
export function unsignedReuseGraph(): Graph {
  const x = [3, 3, 2];
  const t: Types = { weight: 'ap_fixed<7,2,AP_RND>', bias: 'ap_fixed<7,2>', accum: 'ap_fixed<16,6,AP_RND,AP_SAT>', result: 'ap_fixed<10,4,AP_RND,AP_SAT>' };
  const g = fanOut('conv2d_unsigned_reuse', x, 'ap_ufixed<8,3>', [
    convSpec('conv_rf4', x, win([2, 2], { padBegin: [1, 0], padEnd: [0, 1] }), 2, 41, t),
    depthwiseSpec('depthwise_rf3', x, win([3, 3], { padBegin: [1, 1], padEnd: [1, 1] }), 1, 42, { ...t, accum: 'ap_fixed<16,6>' }),
    poolSpec('avg_pool', x, win([2, 2], { padBegin: [1, 1], padEnd: [0, 0] }), 'average', false, 'ap_ufixed<8,3,AP_RND_CONV,AP_SAT>'),
    { kind: 'pad', name: 'pad', from: ['x'], shape: [4, 5, 2], padBegin: [0, 1], padEnd: [1, 1], precision: { result: 'ap_ufixed<8,3>' } },
  ]);
  return withReuse(g, { conv_rf4: 4, depthwise_rf3: 3 });
}

/**
 * A small CNN (the estimator's calibration design, docs/estimation.md): x[6×6×1] → conv 3×3, 3 filters → relu →
 * max pool 2×2 → flatten → dense 12 → 3, every type `precision`, conv and dense at reuse factor `reuse`.
 */
export function smallCnn(precision: string, reuse = 1): Graph {
  const t: Types = { weight: precision, bias: precision, accum: precision, result: precision };
  const x = [6, 6, 1];
  const random = rng(31);
  const g = dag(
    [
      { kind: 'input', name: 'x', shape: x, precision: { result: precision } },
      convSpec('conv', x, win([3, 3]), 3, 32, t),
      { kind: 'relu', name: 'relu', from: ['conv'], shape: [4, 4, 3], precision: { result: precision } },
      { ...poolSpec('pool', [4, 4, 3], win([2, 2], { strides: [2, 2] }), 'max', false, precision), from: ['relu'] },
      { kind: 'reshape', name: 'flatten', shape: [12], precision: { result: precision } },
      { kind: 'dense', name: 'dense', shape: [3], nIn: 12, nOut: 3, weights: randomArray(random, 36, 1), bias: randomArray(random, 3, 0.5), precision: t },
    ].map((s, i, all) => ({ ...s, from: s.from ?? (i === 0 ? undefined : [all[i - 1].name]) })) as Spec[],
    undefined,
    'small_cnn',
  );
  return withReuse(g, reuse > 1 ? { conv: reuse, dense: reuse } : {});
}

import { beforeAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { Layer } from '../../../src/ir/layers.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { sequential, tensor, type LayerVars, type Spec } from './cnn-fixtures.ts';
import { ready } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

/** The IR layers of a one-layer Sequential model (without the input). */
function translate(title: string, input: number[], spec: Spec, vars: LayerVars = {}): Layer[] {
  const g = loadKeras(sequential(dir, title.replace(/\W+/g, '_'), input, [spec], vars), P);
  verifyGraph(g);
  return g.layers.slice(1);
}

const pick = (l: Layer, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in l).map((k) => [k, (l as unknown as Record<string, unknown>)[k]]));
const WINDOW = ['kind', 'shape', 'kernel', 'strides', 'dilations', 'padBegin', 'padEnd'];

// Expected geometry from TensorFlow's rules: 'same' → out ⌈S/s⌉, total pad max((out−1)·s + d(k−1) + 1 − S, 0), the
// smaller half first; 'causal' → d·(k−1) zeros before.
const CONVS: [string, number[], Spec, Record<string, unknown>][] = [
  ['Conv1D k=3 valid', [7, 2], { class_name: 'Conv1D', config: { filters: 3, kernel_size: [3], strides: [1], padding: 'valid' } },
    { kind: 'conv', shape: [5, 3], kernel: [3], strides: [1], dilations: [1], padBegin: [0], padEnd: [0] }],
  ['Conv1D k=4 same (odd total pad: 1 before, 2 after)', [10, 4], { class_name: 'Conv1D', config: { filters: 3, kernel_size: [4], padding: 'same' } },
    { kind: 'conv', shape: [10, 3], kernel: [4], strides: [1], dilations: [1], padBegin: [1], padEnd: [2] }],
  ['Conv1D k=3 stride 2 same on 7', [7, 1], { class_name: 'Conv1D', config: { filters: 2, kernel_size: 3, strides: 2, padding: 'same' } },
    { kind: 'conv', shape: [4, 2], kernel: [3], strides: [2], dilations: [1], padBegin: [1], padEnd: [1] }],
  ['Conv1D k=3 dilation 2 causal', [10, 2], { class_name: 'Conv1D', config: { filters: 2, kernel_size: [3], dilation_rate: [2], padding: 'causal' } },
    { kind: 'conv', shape: [10, 2], kernel: [3], strides: [1], dilations: [2], padBegin: [4], padEnd: [0] }],
  ['Conv2D 3×3 stride 2 same on 5×6', [5, 6, 2], { class_name: 'Conv2D', config: { filters: 4, kernel_size: [3, 3], strides: [2, 2], padding: 'same', data_format: 'channels_last' } },
    { kind: 'conv', shape: [3, 3, 4], kernel: [3, 3], strides: [2, 2], dilations: [1, 1], padBegin: [1, 0], padEnd: [1, 1] }],
  ['Conv2D 3×2 dilation (2, 1) valid', [7, 5, 1], { class_name: 'Conv2D', config: { filters: 2, kernel_size: [3, 2], dilation_rate: [2, 1], padding: 'valid' } },
    { kind: 'conv', shape: [3, 4, 2], kernel: [3, 2], strides: [1, 1], dilations: [2, 1], padBegin: [0, 0], padEnd: [0, 0] }],
  ['DepthwiseConv1D k=3 multiplier 2 same', [6, 3], { class_name: 'DepthwiseConv1D', config: { kernel_size: 3, depth_multiplier: 2, padding: 'same' } },
    { kind: 'depthwise_conv', shape: [6, 6], kernel: [3], strides: [1], dilations: [1], padBegin: [1], padEnd: [1] }],
  ['DepthwiseConv2D 3×3 stride 2 valid', [7, 7, 2], { class_name: 'DepthwiseConv2D', config: { kernel_size: [3, 3], strides: [2, 2], padding: 'valid' } },
    { kind: 'depthwise_conv', shape: [3, 3, 2], kernel: [3, 3], strides: [2, 2], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0] }],
];

const varsOf = (spec: Spec, input: number[], seed: number): LayerVars => {
  const c = input[input.length - 1];
  const k = spec.config.kernel_size;
  const r = input.length - 1;
  const kernel = typeof k === 'number' ? new Array<number>(r).fill(k) : (k as number[]);
  const m = (spec.config.depth_multiplier as number | undefined) ?? 1;
  if (spec.class_name.includes('Depthwise')) return { l0: { depthwise_kernel: tensor([...kernel, c, m], seed), bias: tensor([c * m], seed + 1) } };
  const f = spec.config.filters as number;
  return { l0: { kernel: tensor([...kernel, c, f], seed), ...(spec.config.use_bias === false ? {} : { bias: tensor([f], seed + 1) }) } };
};

describe('Keras convolutions become conv/depthwise_conv layers with the window Keras defines', () => {
  CONVS.forEach(([title, input, spec, want], i) => {
    it(`translates ${title}`, () => {
      const vars = varsOf(spec, input, 10 * i + 1);
      const [l] = translate(title, input, spec, vars);
      expect(pick(l, WINDOW)).toEqual(want);
      // the Keras kernel [k…][C][F] (or [k…][C][m]) is the IR's layout: taken exactly as stored
      const stored = Object.values(vars.l0);
      if (l.kind !== 'conv' && l.kind !== 'depthwise_conv') throw new Error(l.kind);
      expect(Array.from(l.weights)).toEqual(stored[0].data);
      expect(Array.from(l.bias)).toEqual(stored[1].data);
      if (l.kind === 'conv') expect([l.nIn, l.nOut]).toEqual([input[input.length - 1], spec.config.filters]);
      else expect([l.channels, l.multiplier]).toEqual([input[input.length - 1], spec.config.depth_multiplier ?? 1]);
    });
  });

  it('gives a Conv2D without bias zero biases and splits activation= into a layer <name>_<activation>', () => {
    const spec = { class_name: 'Conv2D', config: { filters: 2, kernel_size: [2, 2], use_bias: false, activation: 'relu' } };
    const layers = translate('conv2d_nobias', [3, 3, 1], spec, varsOf(spec, [3, 3, 1], 5));
    expect(layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['l0', 'conv', [2, 2, 2]], ['l0_relu', 'relu', [2, 2, 2]]]);
    expect(Array.from((layers[0] as Layer & { bias: Float64Array }).bias)).toEqual([0, 0]);
  });

  for (const rank of [1, 2] as const) {
    it(`translates SeparableConv${rank}D into <name>_depthwise (depthwise_conv, no bias) and <name> (1×1 conv with the bias)`, () => {
      const input = rank === 1 ? [8, 3] : [6, 5, 3];
      const kernel = rank === 1 ? [3] : [3, 2];
      const ones = kernel.map(() => 1);
      const vars = { l0: { depthwise_kernel: tensor([...kernel, 3, 2], 7), pointwise_kernel: tensor([...ones, 6, 4], 8), bias: tensor([4], 9) } };
      const spec = { class_name: `SeparableConv${rank}D`, config: { filters: 4, kernel_size: kernel, depth_multiplier: 2, padding: 'same', activation: 'tanh' } };
      const [dw, pw, act] = translate(`separable${rank}`, input, spec, vars);
      const out = [...input.slice(0, rank), 4];
      expect([dw.name, dw.kind, dw.shape, pw.name, pw.kind, pw.shape, act.name, act.kind]).toEqual(['l0_depthwise', 'depthwise_conv', [...input.slice(0, rank), 6], 'l0', 'conv', out, 'l0_tanh', 'tanh']);
      if (dw.kind !== 'depthwise_conv' || pw.kind !== 'conv') throw new Error('kinds');
      expect(pick(dw, ['kernel', 'padBegin', 'padEnd', 'channels', 'multiplier'])).toEqual({ kernel, padBegin: rank === 1 ? [1] : [1, 0], padEnd: rank === 1 ? [1] : [1, 1], channels: 3, multiplier: 2 });
      expect(Array.from(dw.weights)).toEqual(vars.l0.depthwise_kernel.data);
      expect(Array.from(dw.bias)).toEqual(new Array(6).fill(0));
      expect(pick(pw, ['kernel', 'strides', 'padBegin', 'padEnd', 'nIn', 'nOut'])).toEqual({ kernel: ones, strides: ones, padBegin: ones.map(() => 0), padEnd: ones.map(() => 0), nIn: 6, nOut: 4 });
      expect(Array.from(pw.weights)).toEqual(vars.l0.pointwise_kernel.data);
      expect(Array.from(pw.bias)).toEqual(vars.l0.bias.data);
      expect(pw.inputs).toEqual(['l0_depthwise']);
    });
  }
});

const MOVES: [string, number[], Spec, Record<string, unknown>][] = [
  ['MaxPooling1D pool 2 (strides default to the pool) valid on 7', [7, 2], { class_name: 'MaxPooling1D', config: { pool_size: [2], strides: null, padding: 'valid' } },
    { kind: 'pool', op: 'max', countPad: false, shape: [3, 2], kernel: [2], strides: [2], padBegin: [0], padEnd: [0] }],
  ['MaxPooling2D 3×3 stride 2 same on 5×5', [5, 5, 3], { class_name: 'MaxPooling2D', config: { pool_size: [3, 3], strides: [2, 2], padding: 'same' } },
    { kind: 'pool', op: 'max', countPad: false, shape: [3, 3, 3], kernel: [3, 3], strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }],
  ['AveragePooling1D pool 3 stride 1', [6, 1], { class_name: 'AveragePooling1D', config: { pool_size: 3, strides: 1 } },
    { kind: 'pool', op: 'average', countPad: false, shape: [4, 1], kernel: [3], strides: [1], padBegin: [0], padEnd: [0] }],
  ['AveragePooling2D 2×2 same on 5×4 (padding taps not counted)', [5, 4, 2], { class_name: 'AveragePooling2D', config: { pool_size: [2, 2], padding: 'same' } },
    { kind: 'pool', op: 'average', countPad: false, shape: [3, 2, 2], kernel: [2, 2], strides: [2, 2], padBegin: [0, 0], padEnd: [1, 0] }],
  ['ZeroPadding1D (2, 3)', [4, 2], { class_name: 'ZeroPadding1D', config: { padding: [2, 3] } }, { kind: 'pad', shape: [9, 2], padBegin: [2], padEnd: [3] }],
  ['ZeroPadding1D default 1', [4, 2], { class_name: 'ZeroPadding1D', config: {} }, { kind: 'pad', shape: [6, 2], padBegin: [1], padEnd: [1] }],
  ['ZeroPadding2D ((1, 2), (3, 4))', [2, 3, 1], { class_name: 'ZeroPadding2D', config: { padding: [[1, 2], [3, 4]] } }, { kind: 'pad', shape: [5, 10, 1], padBegin: [1, 3], padEnd: [2, 4] }],
  ['ZeroPadding2D (1, 2) symmetric per axis', [2, 3, 1], { class_name: 'ZeroPadding2D', config: { padding: [1, 2] } }, { kind: 'pad', shape: [4, 7, 1], padBegin: [1, 2], padEnd: [1, 2] }],
  ['Cropping1D default (1, 1)', [5, 2], { class_name: 'Cropping1D', config: {} }, { kind: 'crop', shape: [3, 2], cropBegin: [1], cropEnd: [1] }],
  ['Cropping2D ((1, 0), (0, 2))', [4, 5, 3], { class_name: 'Cropping2D', config: { cropping: [[1, 0], [0, 2]] } }, { kind: 'crop', shape: [3, 3, 3], cropBegin: [1, 0], cropEnd: [0, 2] }],
  ['UpSampling1D size 3', [4, 2], { class_name: 'UpSampling1D', config: { size: 3 } }, { kind: 'upsample', shape: [12, 2], factors: [3] }],
  ['UpSampling2D (2, 3) nearest', [2, 2, 1], { class_name: 'UpSampling2D', config: { size: [2, 3], interpolation: 'nearest' } }, { kind: 'upsample', shape: [4, 6, 1], factors: [2, 3] }],
];

describe('Keras pooling, padding, cropping and upsampling become pool/pad/crop/upsample layers', () => {
  for (const [title, input, spec, want] of MOVES) {
    it(`translates ${title}`, () => {
      const [l] = translate(title, input, spec);
      const dilations = l.kind === 'pool' ? { dilations: input.slice(1).map(() => 1) } : {};
      expect(pick(l, [...WINDOW, 'op', 'countPad', 'cropBegin', 'cropEnd', 'factors'])).toEqual({ ...want, ...dilations });
    });
  }

  for (const [cls, rank, op] of [['GlobalMaxPooling1D', 1, 'max'], ['GlobalAveragePooling1D', 1, 'average'], ['GlobalMaxPooling2D', 2, 'max'], ['GlobalAveragePooling2D', 2, 'average']] as const) {
    it(`translates ${cls} as one pool over the whole extent, then a reshape to [C] unless keepdims`, () => {
      const input = rank === 1 ? [7, 3] : [4, 5, 3];
      const ones = input.slice(0, rank).map(() => 1);
      const [pool, reshape] = translate(`${cls}_flat`, input, { class_name: cls, config: {} });
      expect(pick(pool, ['name', 'kind', 'op', 'shape', 'kernel', 'strides', 'padBegin', 'padEnd'])).toEqual({ name: 'l0', kind: 'pool', op, shape: [...ones, 3], kernel: input.slice(0, rank), strides: ones, padBegin: ones.map(() => 0), padEnd: ones.map(() => 0) });
      expect([reshape.name, reshape.kind, reshape.shape, reshape.inputs]).toEqual(['l0_reshape', 'reshape', [3], ['l0']]);
      const kept = translate(`${cls}_keep`, input, { class_name: cls, config: { keepdims: true } });
      expect(kept.map((l) => [l.kind, l.shape])).toEqual([['pool', [...ones, 3]]]);
    });
  }
});

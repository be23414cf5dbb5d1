import { values, type Weights } from './fixtures.ts';

/**
 * A small functional Keras model exercising the frontend: a 2-D input [2, 3] flattened, a Dense with a split relu, a
 * nested Sequential model (Dense + BatchNormalization), Dropout, a Reshape to [3, 1] and a Flatten back, LeakyReLU,
 * and a Dense with a split softmax. Weights are seeded; `reference` computes it in float, independently.
 */
const t = (shape: number[], seed: number) => ({ shape, data: values(shape.reduce((a, b) => a * b, 1), seed) });
export const W = {
  d1: { kernel: t([6, 4], 1), bias: t([4], 2) },
  d2: { kernel: t([4, 3], 3), bias: t([3], 4) },
  bn: { gamma: t([3], 5), beta: t([3], 6), moving_mean: t([3], 7), moving_variance: { shape: [3], data: values(3, 8).map((v) => Math.fround(Math.abs(v) + 0.5)) } },
  d3: { kernel: t([3, 2], 9), bias: t([2], 10) },
};

const ref = (name: string) => [[name, 0, 0, {}]];
const dense = (name: string, units: number, activation: string, inbound?: string) => ({
  class_name: 'Dense', name, config: { name, units, activation, use_bias: true }, ...(inbound ? { inbound_nodes: [ref(inbound)] } : {}),
});

export const NESTED = {
  class_name: 'Sequential',
  name: 'block',
  config: {
    name: 'block',
    layers: [
      { class_name: 'InputLayer', config: { name: 'block_in', batch_input_shape: [null, 4] } },
      dense('d2', 3, 'linear'),
      { class_name: 'BatchNormalization', config: { name: 'bn', axis: -1, epsilon: 0.001, center: true, scale: true } },
    ],
  },
  inbound_nodes: [ref('d1')],
};

/** Keras 2 functional model JSON (model.to_json()) */
export const MODEL = {
  class_name: 'Model',
  keras_version: '2.13.1',
  config: {
    name: 'tiny',
    input_layers: [['input_1', 0, 0]],
    output_layers: [['d3', 0, 0]],
    layers: [
      { class_name: 'InputLayer', name: 'input_1', config: { name: 'input_1', batch_input_shape: [null, 2, 3] }, inbound_nodes: [] },
      { class_name: 'Flatten', name: 'flat', config: { name: 'flat' }, inbound_nodes: [ref('input_1')] },
      dense('d1', 4, 'relu', 'flat'),
      NESTED,
      { class_name: 'Dropout', name: 'drop', config: { name: 'drop', rate: 0.5 }, inbound_nodes: [ref('block')] },
      { class_name: 'Reshape', name: 'rs', config: { name: 'rs', target_shape: [3, 1] }, inbound_nodes: [ref('drop')] },
      { class_name: 'Flatten', name: 'flat2', config: { name: 'flat2' }, inbound_nodes: [ref('rs')] },
      { class_name: 'LeakyReLU', name: 'lrelu', config: { name: 'lrelu', alpha: 0.125 }, inbound_nodes: [ref('flat2')] },
      dense('d3', 2, 'softmax', 'lrelu'),
    ],
  },
};

/** Keras 2 weights file contents: the nested model's group holds its inner layers' weights */
export const KERAS2_WEIGHTS: Weights = {
  d1: { 'd1/kernel:0': W.d1.kernel, 'd1/bias:0': W.d1.bias },
  block: {
    'd2/kernel:0': W.d2.kernel, 'd2/bias:0': W.d2.bias,
    'bn/gamma:0': W.bn.gamma, 'bn/beta:0': W.bn.beta, 'bn/moving_mean:0': W.bn.moving_mean, 'bn/moving_variance:0': W.bn.moving_variance,
  },
  d3: { 'd3/kernel:0': W.d3.kernel, 'd3/bias:0': W.d3.bias },
};
export const LAYER_NAMES = ['input_1', 'flat', 'd1', 'block', 'drop', 'rs', 'flat2', 'lrelu', 'd3'];

/** The same model in Keras 3's config.json (inbound nodes as keras tensors, `batch_shape`). */
export function keras3Model(): unknown {
  const k3 = (layer: Record<string, unknown>): Record<string, unknown> => {
    const inbound = layer.inbound_nodes as unknown[][][] | undefined;
    const cfg = { ...(layer.config as Record<string, unknown>) };
    if ('batch_input_shape' in cfg) [cfg.batch_shape, cfg.batch_input_shape] = [cfg.batch_input_shape, undefined];
    if (Array.isArray(cfg.layers)) cfg.layers = (cfg.layers as Record<string, unknown>[]).map(k3);
    const args = inbound?.length ? [{ args: inbound[0].map((r) => ({ class_name: '__keras_tensor__', config: { shape: [], keras_history: [r[0], 0, 0] } })), kwargs: {} }] : inbound;
    return { module: 'keras.layers', ...layer, config: cfg, ...(args ? { inbound_nodes: args } : {}) };
  };
  return { ...k3(MODEL as unknown as Record<string, unknown>), class_name: 'Functional' };
}

/** Keras 3 saving paths (snake-case class names, numbered per class) and their vars in creation order */
export const KERAS3_VARS = {
  'layers/dense': [W.d1.kernel, W.d1.bias],
  'layers/sequential/layers/dense': [W.d2.kernel, W.d2.bias],
  'layers/sequential/layers/batch_normalization': [W.bn.gamma, W.bn.beta, W.bn.moving_mean, W.bn.moving_variance],
  'layers/dense_1': [W.d3.kernel, W.d3.bias],
};

/** TensorFlow.js manifest: `<layer>/<var>` names, split over two groups */
export const TFJS_GROUPS = [
  [{ name: 'd1/kernel', ...W.d1.kernel }, { name: 'd1/bias', ...W.d1.bias }, { name: 'd2/kernel', ...W.d2.kernel }, { name: 'd2/bias', ...W.d2.bias }],
  [
    { name: 'bn/gamma', ...W.bn.gamma }, { name: 'bn/beta', ...W.bn.beta }, { name: 'bn/moving_mean', ...W.bn.moving_mean },
    { name: 'bn/moving_variance', ...W.bn.moving_variance }, { name: 'd3/kernel', ...W.d3.kernel }, { name: 'd3/bias', ...W.d3.bias },
  ],
];

/** The model in float, written out with loops: one sample of 6 values (the [2, 3] input, row-major) → 2 outputs. */
export function reference(x: ArrayLike<number>): number[] {
  const denseF = (v: number[], w: { kernel: { data: number[] }; bias: { data: number[] } }, n: number) =>
    Array.from({ length: n }, (_, j) => v.reduce((s, xi, i) => s + xi * w.kernel.data[i * n + j], w.bias.data[j]));
  const h1 = denseF(Array.from(x), W.d1, 4).map((v) => Math.max(v, 0));
  const h2 = denseF(h1, W.d2, 3).map((v, c) => (v - W.bn.moving_mean.data[c]) / Math.sqrt(W.bn.moving_variance.data[c] + 0.001) * W.bn.gamma.data[c] + W.bn.beta.data[c]);
  const h3 = h2.map((v) => (v >= 0 ? v : 0.125 * v));
  const z = denseF(h3, W.d3, 2);
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  return e.map((v) => v / e.reduce((a, b) => a + b, 0));
}

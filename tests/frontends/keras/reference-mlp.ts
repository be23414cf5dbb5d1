import h5wasm from 'h5wasm/node';

/**
 * An independent float evaluation of the shared MLP models (Dense / BatchNormalization / activations, QKeras
 * quantizers), written with plain loops over weights read by h5wasm (not the frontend's HDF5 reader).
 */
export type Op =
  | { op: 'dense'; name: string; quant?: { kernel: (v: number) => number; bias: (v: number) => number } }
  | { op: 'bn'; name: string; epsilon: number }
  | { op: 'relu' | 'softmax' }
  | { op: 'map'; f: (v: number) => number };

export async function referenceMlp(weightsFile: string, ops: Op[]): Promise<(x: ArrayLike<number>) => number[]> {
  await h5wasm.ready;
  const f = new h5wasm.File(weightsFile, 'r');
  const read = (path: string) => {
    const d = f.get(path) as { value: Float32Array; shape: number[] };
    return { data: Array.from(d.value), shape: d.shape };
  };
  const steps = ops.map((o) => {
    if (o.op === 'dense') {
      const k = read(`${o.name}/${o.name}/kernel:0`);
      const b = read(`${o.name}/${o.name}/bias:0`);
      const kernel = o.quant ? k.data.map(o.quant.kernel) : k.data;
      const bias = o.quant ? b.data.map(o.quant.bias) : b.data;
      const [nIn, nOut] = k.shape;
      return (x: number[]) => Array.from({ length: nOut }, (_, j) => {
        let s = bias[j];
        for (let i = 0; i < nIn; i++) s += x[i] * kernel[i * nOut + j];
        return s;
      });
    }
    if (o.op === 'bn') {
      const [g, b, m, v] = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((n) => read(`${o.name}/${o.name}/${n}:0`).data);
      return (x: number[]) => x.map((xi, c) => ((xi - m[c]) / Math.sqrt(v[c] + o.epsilon)) * g[c] + b[c]);
    }
    if (o.op === 'relu') return (x: number[]) => x.map((v) => Math.max(v, 0));
    if (o.op === 'map') return (x: number[]) => x.map(o.f);
    return (x: number[]) => {
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((a, c) => a + c, 0);
      return e.map((v) => v / s);
    };
  });
  f.close();
  return (x) => steps.reduce((v, step) => step(v), Array.from(x));
}

/** tf.round: half to even */
export const roundEven = (v: number): number => {
  const f = Math.floor(v);
  return v - f > 0.5 || (v - f === 0.5 && f % 2 !== 0) ? f + 1 : f;
};

/** QKeras quantized_bits(bits, integer, symmetric, keep_negative=1, alpha=1), written from its documented formula */
export const quantizedBits = (bits: number, integer: number, symmetric = 0) => (x: number): number => {
  const m = 2 ** (bits - 1);
  const mi = 2 ** integer;
  return (mi * Math.min(m - 1, Math.max(-m + symmetric, roundEven((x * m) / mi)))) / m;
};

/** QKeras quantized_relu(bits, integer) */
export const quantizedRelu = (bits: number, integer: number) => (x: number): number => {
  const m = 2 ** bits;
  const mi = 2 ** integer;
  return mi * Math.min(1 - 1 / m, Math.max(0, roundEven((x * m) / mi) / m));
};

/** QKeras quantized_po2(bits, max_value ≤ 1): sign · 2^clip(round(log2|x|), −2^(bits−1), 2^(bits−1) − 1) */
export const quantizedPo2 = (bits: number, maxValue: number) => (x: number): number => {
  const sign = x >= 0 ? 1 : -1;
  const a = Math.min(Math.abs(x), maxValue);
  const lim = 2 ** (bits - 1);
  const e = Math.abs(x) < 1e-7 ? -lim : Math.min(lim - 1, Math.max(-lim, roundEven(Math.log(a) / Math.log(2))));
  return sign * 2 ** e;
};

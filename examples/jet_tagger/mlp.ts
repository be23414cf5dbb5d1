import type { Dataset } from './dataset.ts';
import type { Prng } from './prng.ts';

/** One fully connected layer: y_j = Σ_i x_i · w[i·nOut + j] + b_j (weights row-major [in][out], as in the IR). */
export interface DenseParams {
  readonly nIn: number;
  readonly nOut: number;
  readonly w: Float64Array;
  readonly b: Float64Array;
}

/** A ReLU MLP ending in softmax. */
export class Mlp {
  readonly layers: DenseParams[];

  /** He initialisation: w ~ N(0, 2/nIn), b = 0 */
  constructor(sizes: readonly number[], rng: Prng) {
    this.layers = sizes.slice(1).map((nOut, k) => {
      const nIn = sizes[k];
      const std = Math.sqrt(2 / nIn);
      return { nIn, nOut, w: Float64Array.from({ length: nIn * nOut }, () => std * rng.normal()), b: new Float64Array(nOut) };
    });
  }

  /** activations of every layer for one sample: [input, relu(h1), …, softmax(logits)] */
  forward(x: Float64Array): Float64Array[] {
    const acts = [x];
    this.layers.forEach((l, k) => {
      const prev = acts[acts.length - 1];
      const y = Float64Array.from(l.b);
      for (let i = 0; i < l.nIn; i++) for (let j = 0; j < l.nOut; j++) y[j] += prev[i] * l.w[i * l.nOut + j];
      acts.push(k === this.layers.length - 1 ? softmax(y) : y.map((v) => Math.max(v, 0)));
    });
    return acts;
  }

  predict(x: Float64Array): Float64Array {
    const acts = this.forward(x);
    return acts[acts.length - 1];
  }

  /** gradients of the cross-entropy of one sample, added into gw/gb */
  backward(x: Float64Array, label: number, gw: Float64Array[], gb: Float64Array[]): void {
    const acts = this.forward(x);
    // softmax + cross-entropy: ∂L/∂logit_j = p_j − [j = label]
    let delta = Float64Array.from(acts[acts.length - 1], (p, j) => p - (j === label ? 1 : 0));
    for (let k = this.layers.length - 1; k >= 0; k--) {
      const l = this.layers[k];
      const input = acts[k];
      const back = new Float64Array(l.nIn);
      for (let i = 0; i < l.nIn; i++) {
        for (let j = 0; j < l.nOut; j++) {
          gw[k][i * l.nOut + j] += input[i] * delta[j];
          back[i] += l.w[i * l.nOut + j] * delta[j];
        }
      }
      for (let j = 0; j < l.nOut; j++) gb[k][j] += delta[j];
      // through the ReLU that produced `input` (the network input has none)
      delta = back.map((d, i) => (k > 0 && input[i] > 0 ? d : 0));
    }
  }
}

export function softmax(logits: Float64Array): Float64Array {
  const m = Math.max(...logits);
  const e = logits.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Mini-batch Adam (β1 0.9, β2 0.999) on the mean cross-entropy. */
export function train(mlp: Mlp, data: Dataset, rng: Prng, opts: { epochs: number; batch: number; lr: number }): void {
  const params = mlp.layers.flatMap((l) => [l.w, l.b]);
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const nF = mlp.layers[0].nIn;
  let step = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = shuffled(data.n, rng);
    for (let start = 0; start < data.n; start += opts.batch) {
      const grads = params.map((p) => new Float64Array(p.length));
      const batch = order.slice(start, start + opts.batch);
      const gw = grads.filter((_, i) => i % 2 === 0);
      const gb = grads.filter((_, i) => i % 2 === 1);
      for (const s of batch) mlp.backward(data.x.subarray(s * nF, (s + 1) * nF), data.labels[s], gw, gb);
      step++;
      params.forEach((p, q) => {
        for (let i = 0; i < p.length; i++) {
          const g = grads[q][i] / batch.length;
          m[q][i] = 0.9 * m[q][i] + 0.1 * g;
          v[q][i] = 0.999 * v[q][i] + 0.001 * g * g;
          const mHat = m[q][i] / (1 - 0.9 ** step);
          const vHat = v[q][i] / (1 - 0.999 ** step);
          p[i] -= (opts.lr * mHat) / (Math.sqrt(vHat) + 1e-8);
        }
      });
    }
  }
}

function shuffled(n: number, rng: Prng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function accuracy(mlp: Mlp, data: Dataset): number {
  const nF = mlp.layers[0].nIn;
  let right = 0;
  for (let s = 0; s < data.n; s++) {
    const p = mlp.predict(data.x.subarray(s * nF, (s + 1) * nF));
    if (p.indexOf(Math.max(...p)) === data.labels[s]) right++;
  }
  return right / data.n;
}

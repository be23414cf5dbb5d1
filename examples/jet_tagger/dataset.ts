import { Prng } from './prng.ts';

export const N_FEATURES = 16;
export const N_CLASSES = 5;

export interface Dataset {
  /** row-major [n][N_FEATURES] */
  readonly x: Float64Array;
  readonly labels: Int32Array;
  readonly n: number;
}

/**
 * Synthetic stand-in for the 16 jet-substructure features of the hls4ml jet-tagging task (g, q, W, Z, t): one
 * Gaussian cluster per class, x = μ_k + σ_k ⊙ z with class means μ_k ~ N(0, 0.45²) and per-feature widths
 * σ_k ∈ [0.5, 1.5], so the classes overlap and a classifier reaches a realistic, imperfect accuracy.
 */
export class JetDataSource {
  private readonly means: Float64Array[];
  private readonly widths: Float64Array[];

  constructor(private readonly rng: Prng) {
    const draw = (f: () => number): Float64Array => Float64Array.from({ length: N_FEATURES }, f);
    this.means = Array.from({ length: N_CLASSES }, () => draw(() => 0.45 * rng.normal()));
    this.widths = Array.from({ length: N_CLASSES }, () => draw(() => 0.5 + rng.uniform()));
  }

  sample(n: number): Dataset {
    const x = new Float64Array(n * N_FEATURES);
    const labels = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const k = this.rng.below(N_CLASSES);
      labels[s] = k;
      for (let f = 0; f < N_FEATURES; f++) x[s * N_FEATURES + f] = this.means[k][f] + this.widths[k][f] * this.rng.normal();
    }
    return { x, labels, n };
  }
}

import { mulberry32 } from '../../src/data/random-inputs.ts';

/** A small seeded PRNG (mulberry32) and normal deviates (Box–Muller), so the example is the same on every run. */
export class Prng {
  /** uniform in [0, 1) with 32 random bits */
  readonly uniform: () => number;

  constructor(seed: number) {
    this.uniform = mulberry32(seed);
  }

  /** standard normal: z = √(−2 ln u1) · cos(2π u2), u1 ∈ (0, 1] */
  normal(): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** integer in [0, n) */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

import type { Vectors } from './vectors.ts';

/** Deterministic PRNG (mulberry32): the same seed gives the same test vectors everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard-normal test inputs (Box–Muller), scaled by `sigma`. */
export function randomInputs(batch: number, width: number, seed = 1, sigma = 1): Vectors {
  const rnd = mulberry32(seed);
  const data = new Float64Array(batch * width);
  for (let i = 0; i < data.length; i++) {
    const u = 1 - rnd();
    data[i] = sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  }
  return { data, batch, width };
}

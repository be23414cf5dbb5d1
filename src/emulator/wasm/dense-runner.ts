import { ROWS } from './dense-loop.ts';

/**
 * Runs a SIMD dense kernel (./dense-terms.ts) over a batch in chunks of rows: the weights and biases live in the
 * instance's memory, each chunk of inputs is copied in, the kernel runs, and the chunk's outputs are handed to `take`.
 * Memory layout (bytes): w[nIn][nOutPad] | b[nOutPad] | counts[4 × i32] | x[CHUNK][nIn] | y[CHUNK][nOutPad].
 */
const CHUNK = 128; // a multiple of ROWS
const PAGE = 65536;

type Lanes = Float64Array | Int32Array;

/** Output columns padded to whole blocks of 8. */
export const padOutputs = (nOut: number): number => Math.ceil(nOut / 8) * 8;

export class DenseRunner<A extends Lanes> {
  private readonly kernel: (...args: number[]) => void;
  private readonly at: { w: number; b: number; counts: number; x: number; y: number };
  private readonly x: A;
  private readonly y: A;
  private readonly counts: Int32Array;
  readonly nOutPad: number;

  /** weights[i · nOutPad + j] and bias[j], already padded with zeros */
  constructor(
    module: WebAssembly.Module,
    lanes: { new (buffer: ArrayBuffer, offset: number, length: number): A; BYTES_PER_ELEMENT: number },
    readonly nIn: number,
    weights: A,
    bias: A,
  ) {
    this.nOutPad = bias.length;
    const bytes = lanes.BYTES_PER_ELEMENT;
    const w = 0;
    const b = w + weights.length * bytes;
    const counts = b + bias.length * bytes;
    const x = counts + 16;
    const y = x + CHUNK * nIn * bytes;
    const end = y + CHUNK * this.nOutPad * bytes;
    const instance = new WebAssembly.Instance(module);
    const memory = instance.exports.memory as WebAssembly.Memory;
    if (memory.buffer.byteLength < end) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    const buffer = memory.buffer;
    new lanes(buffer, w, weights.length).set(weights);
    new lanes(buffer, b, bias.length).set(bias);
    this.kernel = instance.exports.dense as (...args: number[]) => void;
    this.at = { w, b, counts, x, y };
    this.x = new lanes(buffer, x, CHUNK * nIn);
    this.y = new lanes(buffer, y, CHUNK * this.nOutPad);
    this.counts = new Int32Array(buffer, counts, 4);
  }

  /**
   * x: rows × nIn (values convertible exactly to the lane type); `take(y, first, n)` receives rows first … first+n−1
   * as y[(r − first) · nOutPad + j]. Returns how many lane updates overflowed (integer kernels).
   */
  run(x: Float64Array, rows: number, take: (y: A, first: number, n: number) => void): number {
    const { nIn, nOutPad, at } = this;
    let overflows = 0;
    for (let first = 0; first < rows; first += CHUNK) {
      const n = Math.min(CHUNK, rows - first);
      const padded = Math.ceil(n / ROWS) * ROWS; // zero rows: their terms are 0, they never overflow
      this.x.set(x.subarray(first * nIn, (first + n) * nIn));
      this.x.fill(0, n * nIn, padded * nIn);
      this.kernel(at.x, at.w, at.b, at.y, at.counts, padded, nIn, nOutPad);
      const c = this.counts;
      overflows += c[0] + c[1] + c[2] + c[3];
      take(this.y, first, n);
    }
    return overflows;
  }
}

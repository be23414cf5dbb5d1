/**
 * The timing model of one io_stream process, shared by the C++ it emits and the FIFO-depth schedule
 * (schedule.ts, docs/hls.md "io_stream"): a process is a sequence of loop iterations; an iteration reads at most one
 * pack from each input stream it names, writes `writes` packs (to every output stream: a clone writes the same pack to
 * all of them) and keeps the process busy for `cycles` cycles.
 */
export interface Iteration {
  /** the inputs (indices into the process's input streams) this iteration reads one pack from */
  readonly reads: readonly number[];
  readonly writes: number;
  readonly cycles: number;
}

export type Iterations = () => Iterable<Iteration>;

const NONE: readonly number[] = [];
const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * A layer computed one step at a time. Pack by pack (every input and the output one pack per step): one iteration of
 * `ii` cycles per step. A whole-tensor step reads every input's packs (one per cycle, the inputs side by side), then
 * computes and writes the output's packs one per cycle, the first after `ii` cycles.
 */
export function stepIterations(steps: number, readPacks: readonly number[], writePacks: number, ii: number): Iterations {
  const inputs = all(readPacks.length);
  const most = Math.max(0, ...readPacks);
  return function* () {
    for (let s = 0; s < steps; s++) {
      if (most === 1 && readPacks.every((n) => n === 1) && writePacks === 1) {
        yield { reads: inputs, writes: 1, cycles: ii };
        continue;
      }
      for (let p = 0; p < most; p++) yield { reads: inputs.filter((i) => p < readPacks[i]), writes: 0, cycles: 1 };
      for (let p = 0; p < writePacks; p++) yield { reads: NONE, writes: 1, cycles: p === 0 ? Math.max(1, ii) : 1 };
    }
  };
}

/** A clone: each pack read is written to every output in the next cycle. */
export const cloneIterations = (packs: number): Iterations => stepIterations(packs, [1], 1, 1);

/** reshape between pack sizes: one element per cycle, a pack read when the last one is used up, written when full. */
export function repackIterations(elements: number, inPack: number, outPack: number): Iterations {
  return function* () {
    for (let e = 0; e < elements; e++) yield { reads: e % inPack === 0 ? [0] : NONE, writes: e % outPack === outPack - 1 ? 1 : 0, cycles: 1 };
  };
}

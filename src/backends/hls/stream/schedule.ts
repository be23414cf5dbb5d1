import type { Iterations } from './process.ts';

/**
 * FIFO depths from a schedule (docs/hls.md, "io_stream: stream depths"). Every process runs as early as its inputs
 * allow, with unbounded FIFOs: an iteration starts when the process is free and every pack it reads has been
 * written; its j-th written pack (of n) leaves at start + (j + 1)·cycles/n. The input ports deliver one pack per
 * cycle from cycle 0; the output ports are always ready. A FIFO's depth is the most packs it ever holds in that run
 * (never less than 2, the tools' default): with those depths no write ever waits, so the real design follows this
 * schedule. Rate mismatches (a dense with reuse factor R behind a faster producer) and the line-buffer fill of a
 * window on one branch while the other branch of a later merge waits both show up as occupancy.
 */
export interface ScheduledProcess {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly iterations: Iterations;
}

export interface StreamSchedule {
  /** stream name → FIFO depth */
  readonly depths: ReadonlyMap<string, number>;
  /** the cycle the last pack of any stream is written: the latency of one sample in this model */
  readonly lastWrite: number;
}

export const MIN_DEPTH = 2;

export function scheduleStreams(processes: readonly ScheduledProcess[], inputPorts: ReadonlyMap<string, number>): StreamSchedule {
  const writes = new Map<string, number[]>();
  const reads = new Map<string, number[]>();
  for (const [name, packs] of inputPorts) writes.set(name, Array.from({ length: packs }, (_, j) => j));
  let lastWrite = 0;
  for (const p of processes) {
    const arrivals = p.inputs.map((s) => writes.get(s) ?? missing(p.name, s));
    const readTimes = p.inputs.map((s) => reads.get(s) ?? reads.set(s, []).get(s)!);
    const written: number[] = [];
    const next = p.inputs.map(() => 0);
    let free = 0;
    for (const it of p.iterations()) {
      let start = free;
      for (const i of it.reads) {
        const t = arrivals[i][next[i]];
        if (t === undefined) throw new Error(`io_stream schedule: process ${p.name} reads pack ${next[i]} of ${p.inputs[i]}, which is never written`);
        start = Math.max(start, t);
      }
      for (const i of it.reads) readTimes[i][next[i]++] = start;
      for (let j = 0; j < it.writes; j++) written.push(start + ((j + 1) * it.cycles) / it.writes);
      free = start + it.cycles;
    }
    for (const s of p.outputs) writes.set(s, written);
    if (written.length) lastWrite = Math.max(lastWrite, written[written.length - 1]);
  }
  const depths = new Map<string, number>();
  for (const [name, w] of writes) if (reads.has(name)) depths.set(name, Math.max(MIN_DEPTH, peakOccupancy(w, reads.get(name)!)));
  return { depths, lastWrite: Math.ceil(lastWrite) };
}

/** Most packs held at once: pack i is in the FIFO from its write w_i until its read r_i (FIFO order: both ascending). */
export function peakOccupancy(writes: readonly number[], reads: readonly number[]): number {
  let peak = 0;
  let gone = 0;
  for (let k = 0; k < writes.length; k++) {
    while (gone <= k && gone < reads.length && reads[gone] <= writes[k]) gone++;
    peak = Math.max(peak, k + 1 - gone);
  }
  return peak;
}

function missing(process: string, stream: string): never {
  throw new Error(`io_stream schedule: process ${process} reads ${stream} before any process writes it`);
}

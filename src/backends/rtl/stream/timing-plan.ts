import { controlSim } from '../netlist/control-sim.ts';
import { flattenOneLevel } from '../netlist/flatten.ts';
import type { Module } from '../netlist/netlist.ts';

/** Samples simulated at most when the handshakes never settle into a period (II: the largest spacing seen). */
export const MAX_PLAN_SAMPLES = 16;

export interface StreamTiming {
  /** cycles from sample 0's first input transfer taken to its last output transfer taken */
  readonly latencyCycles: number;
  /** the largest spacing between the last output transfers of consecutive samples, images back to back */
  readonly ii: number;
  /** samples simulated */
  readonly samples: number;
  /** the sample at whose first input transfer the control state equals the previous sample's (then every later spacing is the same) */
  readonly periodicAt?: number;
}

/**
 * The io_stream plan: the generated top's valid/ready control (its cone of influence, flattened from the stage
 * and FIFO modules, without the datapath) simulated cycle by cycle as rtl-sim drives it without stalls — 4 reset
 * cycles, then every cycle an input transfer offered and the output ready. Back-pressure between stages (a slow
 * window walker holding its producer, a pool taking one window in several pixels) is part of the simulated
 * structure, so the planned latency and II are the ones Verilator measures. It runs until the control state at a
 * sample's first input transfer equals the one at the previous sample's: from there on the schedule repeats with
 * that period, so the largest spacing seen (including the period) is the II of any longer run. docs/rtl.md.
 */
export function planStreamTiming(top: Module, modules: readonly Module[], inTransfers: number, outTransfers: number): StreamTiming {
  const flat = flattenOneLevel(top, modules);
  const port = (n: string) => {
    const s = flat.ports.get(n);
    if (!s) throw new Error(`stream timing: the top has no port '${n}'`);
    return s;
  };
  const [inValid, inReady, outValid, outReady, rst] = ['in_tvalid', 'in_tready', 'out_tvalid', 'out_tready', 'rst'].map(port);
  const sim = controlSim(flat.cells, [inReady, outValid], rst);
  sim.set(rst, 1);
  for (let k = 0; k < 4; k++) {
    sim.settle();
    sim.clock();
  }
  sim.set(rst, 0);
  sim.set(inValid, 1);
  sim.set(outReady, 1);
  const issued: number[] = [];
  const done: number[] = [];
  let [taken, given, previous, periodicAt, lastProgress] = [0, 0, '', undefined as number | undefined, 0];
  const enough = () => (periodicAt !== undefined ? done.length >= periodicAt + 2 : done.length >= MAX_PLAN_SAMPLES);
  for (let cycle = 0; !enough(); cycle++) {
    sim.settle();
    if (sim.get(inReady)) {
      if (taken % inTransfers === 0) {
        issued.push(cycle);
        const state = sim.state();
        if (periodicAt === undefined && issued.length > 1 && state === previous) periodicAt = issued.length - 1;
        previous = state;
      }
      taken++;
      lastProgress = cycle;
    }
    if (sim.get(outValid)) {
      given++;
      lastProgress = cycle;
      if (given % outTransfers === 0) done.push(cycle);
    }
    if (cycle - lastProgress > 1_000_000) throw new Error(`stream timing: no transfer moved for a million cycles (cycle ${cycle}): the handshakes deadlock`);
    sim.clock();
  }
  const spacings = done.slice(1).map((c, k) => c - done[k]);
  if (periodicAt !== undefined) spacings.push(issued[periodicAt] - issued[periodicAt - 1]);
  return { latencyCycles: done[0] - issued[0], ii: Math.max(...spacings), samples: issued.length, periodicAt };
}

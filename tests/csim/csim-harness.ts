/**
 * The acceptance oracle: emulate seeded random inputs, write the HLS project, compile and run it with g++ against our
 * ap_types, and hand back both sides. Tests then demand zero mismatches over every output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeHlsProject } from '../../src/backends/hls/index.ts';
import type { IOType } from '../../src/config/project-config.ts';
import { runCsim, type CsimResult } from '../../src/csim/index.ts';
import { emulate, type EmulationResult } from '../../src/emulator/index.ts';
import { inputLayers, sizeOf, type Graph } from '../../src/ir/graph.ts';
import { projectConfig, seededRandom, uniform } from '../backends/hls/graph-builders.ts';

export interface CsimRun {
  readonly csim: CsimResult;
  readonly emulation: EmulationResult;
  readonly batch: number;
  readonly outputSize: number;
}

export async function csimAgainstEmulator(graph: Graph, opts: { batch?: number; seed?: number; range?: number; ioType?: IOType } = {}): Promise<CsimRun> {
  const batch = opts.batch ?? 1000;
  const range = opts.range ?? 4;
  // a row holds every input layer's tensor, one after another
  const inputSize = inputLayers(graph).reduce((a, l) => a + sizeOf(l.shape), 0);
  const inputs = uniform(batch * inputSize, seededRandom(opts.seed ?? 1), -range, range);
  const emulation = emulate(graph, inputs, batch, { mode: 'fixed', trace: true });
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-csim-test-'));
  try {
    writeHlsProject(graph, { ...projectConfig('myproject', dir), ioType: opts.ioType ?? 'io_parallel' }, dir, { inputs, predictions: emulation.output, batch });
    const csim = await runCsim(dir);
    return { csim, emulation, batch, outputSize: emulation.output.length / batch };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Zero mismatches over samples × outputs, on outputs that actually vary (a constant output would prove nothing). */
export function expectBitExact(run: CsimRun, minDistinct = 20): void {
  expect(run.csim.firstMismatches).toEqual([]);
  expect(run.csim.mismatches).toBe(0);
  expect(run.csim.samples).toBe(run.batch);
  expect(run.csim.outputsCompared).toBe(run.batch * run.outputSize);
  expect(new Set(run.emulation.output).size).toBeGreaterThanOrEqual(minDistinct);
}

/** Total casts that wrapped or saturated, per precision variable, over all layers. */
export function overflowsOf(run: CsimRun, v: string): number {
  return Object.values(run.emulation.overflowsByVar).reduce((sum, perVar) => sum + ((perVar as Record<string, number>)[v] ?? 0), 0);
}

/** The emulated output values of one layer over the whole batch. */
export function valuesOf(run: CsimRun, layer: string): Float64Array {
  const values = run.emulation.trace?.[layer];
  if (!values) throw new Error(`no trace of layer ${layer}`);
  return values;
}

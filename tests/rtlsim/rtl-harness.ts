import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasVerilator as verilatorPresent } from '../helpers/oracles.ts';
import { writeRtlProject, type RtlDesignInfo } from '../../src/backends/rtl/index.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { LayerSettings, ProjectConfig } from '../../src/config/project-config.ts';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import { inputLayers, sizeOf, type Graph } from '../../src/ir/graph.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { runRtlSim, type RtlSimResult } from '../../src/rtlsim/index.ts';

export const hasVerilator = verilatorPresent();

export function configFor(opts: { precision?: string; reuseFactor?: number; clockPeriod?: number; layerName?: Record<string, LayerSettings> } = {}): ProjectConfig {
  const c = loadConfig({
    model: 'model.onnx',
    overrides: { precision: opts.precision ?? 'ap_fixed<16,6>', reuseFactor: opts.reuseFactor ?? 1, clockPeriod: opts.clockPeriod },
  });
  return { ...c, layerName: opts.layerName ?? {} };
}

export interface SimRun {
  readonly graph: Graph;
  readonly plan: RtlDesignInfo;
  readonly sim: RtlSimResult;
  readonly predictions: Float64Array;
  readonly dir: string;
}

/**
 * Configure (unless `configured`: a graph whose precisions are already set, e.g. built with the `dag` test helper),
 * emulate on seeded random inputs, write the RTL project, simulate with Verilator.
 */
export async function simulate(graph: Graph, config: ProjectConfig, samples: number, seed = 1, sigma = 2, opts: { configured?: boolean } = {}): Promise<SimRun> {
  const configured = opts.configured ? graph : applyConfig.run(graph, config);
  if (opts.configured) verifyGraph(configured, { configured: true });
  const width = inputLayers(configured).reduce((n, l) => n + sizeOf(l.shape), 0);
  const v = randomInputs(samples, width, seed, sigma);
  const e = emulate(configured, v.data, v.batch);
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-rtl-'));
  const plan = writeRtlProject(configured, config, dir, { inputs: v.data, predictions: e.output, batch: v.batch });
  const sim = await runRtlSim(dir);
  console.log(
    `${graph.name}: build ${sim.buildSeconds.toFixed(1)} s, ${sim.samples} samples at ${Math.round(sim.samplesPerSecond)} samples/s, ` +
      `latency ${sim.latencyCycles} (planned ${plan.latencyCycles}), II ${sim.ii} (planned ${plan.ii}), ${sim.mismatches} mismatches`,
  );
  return { graph: configured, plan, sim, predictions: e.output, dir };
}

export const cleanup = (run?: SimRun): void => {
  if (run) rmSync(run.dir, { recursive: true, force: true });
};

/** How many distinct values a batch × size output holds in each column (to show outputs are not constant). */
export function distinctPerOutput(values: Float64Array, size: number): number[] {
  const sets = Array.from({ length: size }, () => new Set<number>());
  values.forEach((v, i) => sets[i % size].add(v));
  return sets.map((s) => s.size);
}

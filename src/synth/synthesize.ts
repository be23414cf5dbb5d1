import { dirname, join, resolve } from 'node:path';
import { readRtlProject } from '../rtlsim/read-project.ts';
import type { Resources } from '../estimate/types.ts';
import { parseStat, resourcesOf } from './parse-stat.ts';
import { synthesizePerModule, type ModuleSynth } from './per-module.ts';
import { runYosys, synthScript } from './yosys.ts';

export interface SynthResult {
  readonly project: string;
  readonly top: string;
  /** how Yosys saw the design: one flattened run, or each module out of context (per-module.ts) */
  readonly mode: SynthMode;
  /** primitive counts of Yosys's final stat (per module: each module's, times its instances) */
  readonly cells: Record<string, number>;
  readonly resources: Resources;
  /** per module: each module's own counts and log */
  readonly modules?: readonly ModuleSynth[];
  readonly seconds: number;
  /** the log (flat), or the folder of the module logs (per module) */
  readonly log: string;
}

export type SynthMode = 'flat' | 'per-module';

/** the log is written here, inside the project (per module: synth/<module>.log) */
export const SYNTH_LOG = 'synth/yosys.log';

/**
 * Synthesizes an RTL project with Yosys (`synth_xilinx -family xcup -abc9`) and counts its primitives: flattened in
 * one run (default), or `perModule`, each module on its own, `jobs` at a time (docs/estimation.md "Per-module
 * synthesis": several times faster on large designs, and it gives each layer's counts).
 */
export async function synthesize(projectDir: string, opts: { onProgress?: (msg: string) => void; perModule?: boolean; jobs?: number } = {}): Promise<SynthResult> {
  const dir = resolve(projectDir);
  const meta = readRtlProject(dir);
  const log = join(dir, SYNTH_LOG);
  if (opts.perModule) {
    const r = await synthesizePerModule(dir, meta.sources, meta.top, { jobs: opts.jobs, logDir: dirname(log), onProgress: opts.onProgress });
    return { project: meta.project, top: meta.top, mode: 'per-module', cells: r.cells, resources: r.resources, modules: r.modules, seconds: r.seconds, log: dirname(log) };
  }
  const run = await runYosys(synthScript(meta.sources, meta.top), dir, log, opts.onProgress);
  const cells = parseStat(run.log);
  return { project: meta.project, top: meta.top, mode: 'flat', cells, resources: resourcesOf(cells), seconds: run.seconds, log };
}

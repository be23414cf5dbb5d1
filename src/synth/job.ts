import { readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { RTL_FILES, writeRtlProject } from '../backends/rtl/index.ts';
import type { ProjectConfig } from '../config/project-config.ts';
import { compileEmulator } from '../emulator/index.ts';
import type { Graph } from '../ir/graph.ts';
import { readRtlProject } from '../rtlsim/read-project.ts';
import { filesUnder } from '../util/atomic-dir.ts';
import { synthKey, type CachedSynth } from './cache.ts';
import { parseStat, resourcesOf } from './parse-stat.ts';
import { synthScript } from './yosys.ts';

/** One synthesis to run: an RTL project in `dir`, its Yosys script (also in `dir/synth.ys`) and its cache key. */
export interface SynthJob {
  /** what the user reads in progress and errors, e.g. `ap_fixed<8,3> RF 2` */
  readonly label: string;
  readonly dir: string;
  readonly top: string;
  readonly script: string;
  readonly key: string;
}

/** Inside a job folder: the script Yosys runs, and the log it writes (the last `stat` holds the counts). */
export const JOB_FILES = { script: 'synth.ys', log: 'yosys.log' } as const;

/** Project files that do not reach Yosys (test vectors, the description): left out of the cache key. */
const NOT_SYNTHESIZED = new Set([RTL_FILES.meta, RTL_FILES.readme, JOB_FILES.script, JOB_FILES.log, '.hlsforge-files']);

/**
 * Writes the RTL project of a compiled (Backend: RTL) graph into `dir` with one test vector (the first input row and
 * the emulator's output for it), and the Yosys script; the key hashes every file Yosys may read with the script and
 * the Yosys version.
 */
export function writeSynthJob(label: string, graph: Graph, config: ProjectConfig, dir: string, row: Float64Array, yosysVersion: string): SynthJob {
  const predictions = compileEmulator(graph).run(row, 1).output;
  writeRtlProject(graph, config, dir, { inputs: row, predictions, batch: 1 });
  const meta = readRtlProject(dir);
  const script = synthScript(meta.sources, meta.top);
  const key = synthKey(synthInputs(dir), script, yosysVersion);
  writeFileSync(join(dir, JOB_FILES.script), script + '\n');
  return { label, dir, top: meta.top, script, key };
}

/** Every file of the RTL project in `dir` that Yosys may read (path with '/' → text): not the test vectors or descriptions. */
export function synthInputs(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of filesUnder(dir).map((p) => p.split(sep).join('/')))
    if (!NOT_SYNTHESIZED.has(path) && !path.startsWith('tb_data/')) files[path] = readFileSync(join(dir, path), 'utf8');
  return files;
}

/** The cache entry of a finished job, from the Yosys log it wrote. */
export function resultOf(job: SynthJob, log: string, yosysVersion: string, seconds: number): CachedSynth {
  const cells = parseStat(log);
  return { key: job.key, top: job.top, yosysVersion, cells, resources: resourcesOf(cells), seconds };
}

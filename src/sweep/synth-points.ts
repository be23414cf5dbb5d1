import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { compile } from '../pipeline.ts';
import { readCached, writeCached, type CachedSynth } from '../synth/cache.ts';
import { writeSynthJob, type SynthJob } from '../synth/job.ts';
import { runLocal, type JobOutcome } from '../synth/pool.ts';
import { checkSlurm, runSlurm, type SlurmOptions } from '../synth/slurm.ts';
import { yosysVersion } from '../synth/yosys.ts';
import { onInterrupt, yieldToSignals } from '../util/interrupt.ts';
import { pointOverrides } from './sweep.ts';

export interface SynthPointsOptions {
  readonly model?: string;
  readonly configFile?: string;
  /** the cache folder; runs are prepared in `<cache>/runs/` (shared with the compute nodes under Slurm) */
  readonly cache: string;
  readonly scheduler: 'local' | 'slurm';
  /** Yosys processes at a time (local) */
  readonly jobs: number;
  readonly slurm: SlurmOptions;
  /** one input row: the projects' test vector */
  readonly row: Float64Array;
  readonly onProgress?: (msg: string) => void;
}

/** Yosys's counts of one sweep point, and whether they came from the cache. */
export interface PointSynthesis {
  readonly key: string;
  readonly cached: boolean;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly carry: number;
  readonly bram: number;
  readonly seconds: number;
}

/**
 * Yosys counts of each (precision, reuse factor) point: each point's RTL project is written, its content hash looked
 * up in the cache, and only the misses are synthesized, by local worker processes or as one Slurm job array. Results
 * go into the cache as they come, so an interrupted or partly failed sweep resumes where it stopped. The run folder
 * is removed afterwards (and on Ctrl-C); when points failed it is kept for their logs, and the error names them.
 */
export async function synthesizePoints(points: readonly { precision: string; reuseFactor: number }[], o: SynthPointsOptions): Promise<PointSynthesis[]> {
  const version = yosysVersion();
  if (o.scheduler === 'slurm') checkSlurm();
  const cache = resolve(o.cache);
  const runDir = join(cache, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const removeRun = () => {
    rmSync(runDir, { recursive: true, force: true });
    if (readdirSync(dirname(runDir)).length === 0) rmSync(dirname(runDir), { recursive: true, force: true });
  };
  const undo = onInterrupt(removeRun);
  let keep = false;
  try {
    const { jobKeys, found, todo } = await prepareJobs(points, o, cache, runDir, version);
    const hits = new Set(found.keys());
    let done = 0;
    const store = (out: JobOutcome) => {
      done++;
      if ('result' in out) writeCached(cache, out.result), found.set(out.job.key, out.result);
      o.onProgress?.(`synthesized ${done} of ${todo.length} points (${hits.size} cached): ${out.job.label}${'error' in out ? ' FAILED' : ''}`);
    };
    let outcomes: JobOutcome[] = [];
    if (todo.length && o.scheduler === 'slurm') {
      o.onProgress?.(`submitting ${todo.length} points to Slurm (${hits.size} cached)`);
      outcomes = await runSlurm(todo, runDir, o.slurm, version, o.onProgress ?? (() => {}));
      outcomes.forEach(store);
    } else if (todo.length) {
      o.onProgress?.(`synthesizing ${todo.length} points with ${Math.min(o.jobs, todo.length)} Yosys workers (${hits.size} cached)`);
      outcomes = await runLocal(todo, o.jobs, version, store);
    }
    const failed = todo.flatMap((job) => outcomes.filter((x): x is Extract<JobOutcome, { error: string }> => x.job === job && 'error' in x));
    if (failed.length) {
      const each = failed.map((f) => `${f.job.label}: ${f.error} (log: ${f.log})`).join('; ');
      keep = true;
      throw fail('synth-failed', {}, `every point must synthesize, not ${failed.length} of ${points.length} failing: ${each}; logs kept in ${runDir}, the other points are cached`);
    }
    return jobKeys.map((key) => {
      const r = found.get(key)!;
      return { key, cached: hits.has(key), ...r.resources, seconds: r.seconds };
    });
  } finally {
    undo();
    if (!keep) removeRun();
  }
}

/**
 * Writes each point's RTL project and script into the run folder and looks its key up in the cache: the hits, and the
 * jobs to run (one per distinct key; under Slurm numbered 0…N−1 like the array tasks that run them).
 */
async function prepareJobs(points: readonly { precision: string; reuseFactor: number }[], o: SynthPointsOptions, cache: string, runDir: string, version: string) {
  const jobKeys: string[] = [];
  const found = new Map<string, CachedSynth>();
  const todo: SynthJob[] = [];
  for (const [i, p] of points.entries()) {
    await yieldToSignals();
    const label = `${p.precision} RF ${p.reuseFactor}`;
    o.onProgress?.(`${label}: writing the RTL (${i + 1}/${points.length})`);
    const { graph, config } = compile({ model: o.model, configFile: o.configFile, overrides: { ...pointOverrides(p.precision, p.reuseFactor), backend: 'RTL' } });
    const job = writeSynthJob(label, graph, config, join(runDir, String(o.scheduler === 'slurm' ? todo.length : i)), o.row, version);
    const hit = readCached(cache, job.key);
    if (hit) found.set(job.key, hit);
    if (!hit && !todo.some((t) => t.key === job.key)) todo.push(job);
    else rmSync(job.dir, { recursive: true, force: true });
    jobKeys[i] = job.key;
  }
  return { jobKeys, found, todo };
}

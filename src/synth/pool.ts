import { join } from 'node:path';
import { isHlsforgeError } from '../diagnostics/diagnostic.ts';
import { eachLimited } from '../util/each-limited.ts';
import type { CachedSynth } from './cache.ts';
import { JOB_FILES, resultOf, type SynthJob } from './job.ts';
import { runYosys } from './yosys.ts';

/** How one job ended: its result, or why it failed and where its log is. */
export type JobOutcome = { readonly job: SynthJob; readonly result: CachedSynth } | { readonly job: SynthJob; readonly error: string; readonly log: string };

/**
 * Runs the jobs on this machine, at most `workers` Yosys processes at a time (each its own process group, stopped by
 * Ctrl-C with the command). A failed job does not stop the others; `onDone` sees each outcome as it comes.
 */
export async function runLocal(jobs: readonly SynthJob[], workers: number, yosysVersion: string, onDone: (o: JobOutcome) => void): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  await eachLimited(jobs, workers, async (job) => {
    const log = join(job.dir, JOB_FILES.log);
    let outcome: JobOutcome;
    try {
      const run = await runYosys(job.script, job.dir, log);
      outcome = { job, result: resultOf(job, run.log, yosysVersion, run.seconds) };
    } catch (e) {
      if ((e as { code?: string }).code === 'tool-missing') throw e;
      outcome = { job, error: isHlsforgeError(e) ? e.detail : (e as Error).message, log };
    }
    outcomes.push(outcome);
    onDone(outcome);
  });
  return outcomes;
}

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fail } from '../diagnostics/diagnostic.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { JOB_FILES, resultOf, type SynthJob } from './job.ts';
import type { JobOutcome } from './pool.ts';
import { YOSYS } from './yosys.ts';

/** sbatch options of `--scheduler slurm` (each absent one is left to the cluster's defaults). */
export interface SlurmOptions {
  readonly partition?: string;
  /** wall time of one point, sbatch syntax (e.g. `2:00:00`) */
  readonly time?: string;
  readonly account?: string;
  /** memory of one point, sbatch syntax (e.g. `8G`) */
  readonly mem?: string;
  /** seconds between two squeue polls */
  readonly poll: number;
}

/** In the run folder: the array script, each task's Slurm output, and each job's exit code (in its folder). */
export const SLURM_FILES = { script: 'array.sh', output: (task: number) => `slurm-${task}.out`, exitCode: 'exit-code', seconds: 'seconds' } as const;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The array script: task i runs Yosys in `<runDir>/<i>` on that folder's script, and records Yosys's exit code.
 * The folder must be on a file system the compute nodes share with this machine (as a cluster home or scratch is).
 */
export function arrayScript(runDir: string): string {
  return [
    '#!/bin/sh',
    '# hlsforge sweep --synth --scheduler slurm: one Yosys synthesis per array task, in the folder named by the task id',
    `cd ${quote(runDir)}/"$SLURM_ARRAY_TASK_ID" || exit 1`,
    'start=$(date +%s)',
    `${quote(YOSYS)} -p "$(cat ${JOB_FILES.script})" > ${JOB_FILES.log} 2>&1`,
    'code=$?',
    `echo $(($(date +%s) - start)) > ${SLURM_FILES.seconds}`,
    `echo "$code" > ${SLURM_FILES.exitCode}.tmp && mv ${SLURM_FILES.exitCode}.tmp ${SLURM_FILES.exitCode}`,
    'exit "$code"',
    '',
  ].join('\n');
}

/** The sbatch arguments of one array job over `count` tasks. */
export function sbatchArgs(runDir: string, count: number, o: SlurmOptions): string[] {
  return [
    '--parsable',
    `--array=0-${count - 1}`,
    '--job-name=hlsforge-synth',
    '--cpus-per-task=1',
    `--chdir=${runDir}`,
    `--output=${join(runDir, 'slurm-%a.out')}`,
    ...(o.partition ? [`--partition=${o.partition}`] : []),
    ...(o.time ? [`--time=${o.time}`] : []),
    ...(o.account ? [`--account=${o.account}`] : []),
    ...(o.mem ? [`--mem=${o.mem}`] : []),
    join(runDir, SLURM_FILES.script),
  ];
}

/** The Slurm commands must be on PATH before anything is written. */
export function checkSlurm(): void {
  for (const tool of ['sbatch', 'squeue']) {
    const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (r.error)
      throw fail('tool-missing', {}, `${tool} must be on PATH for --scheduler slurm, not missing; run the sweep on a Slurm login node, or use --scheduler local`);
  }
}

/**
 * Submits the jobs (job i in `<runDir>/<i>`) as one `sbatch --array=0-(N-1)` job, follows it with squeue until no
 * task is left, then reads each task's outcome from its folder: a Yosys log with its final `stat`, or a failure that
 * quotes the task's Slurm output. Ctrl-C cancels the job (scancel).
 */
export async function runSlurm(jobs: readonly SynthJob[], runDir: string, o: SlurmOptions, yosysVersion: string, onProgress: (msg: string) => void): Promise<JobOutcome[]> {
  jobs.forEach((job, i) => {
    if (job.dir !== join(runDir, String(i))) throw new Error(`job ${i} must be in ${join(runDir, String(i))}, not ${job.dir}`);
  });
  writeFileSync(join(runDir, SLURM_FILES.script), arrayScript(runDir), { mode: 0o755 });
  const submitted = spawnSync('sbatch', sbatchArgs(runDir, jobs.length, o), { encoding: 'utf8' });
  if (submitted.error) throw fail('tool-missing', {}, `sbatch must be on PATH for --scheduler slurm, not missing (${submitted.error.message})`);
  const id = /^(\d+)/.exec(submitted.stdout.trim())?.[1];
  if (submitted.status !== 0 || !id) throw fail('scheduler-failed', { file: runDir }, `sbatch must accept the job array, not exit ${submitted.status}: ${(submitted.stderr || submitted.stdout).trim()}`);
  const cancel = onInterrupt(() => spawnSync('scancel', [id], { stdio: 'ignore' }));
  try {
    await follow(id, jobs.length, o.poll, onProgress);
  } finally {
    cancel();
  }
  const states = accountedStates(id);
  return jobs.map((job, i) => outcomeOf(job, runDir, i, states.get(i), yosysVersion));
}

/** Polls squeue until the job has no task left in the queue. */
async function follow(id: string, count: number, poll: number, onProgress: (msg: string) => void): Promise<void> {
  let failures = 0;
  for (;;) {
    const q = spawnSync('squeue', ['-h', '-r', '-j', id, '-o', '%K %T'], { encoding: 'utf8' });
    if (q.status !== 0 && !/invalid job id/i.test(q.stderr ?? '')) {
      // the controller may be briefly busy: only a persistent failure stops the sweep
      if (++failures >= 10) throw fail('scheduler-failed', {}, `squeue must report Slurm job ${id}, not fail ${failures} times in a row: ${(q.stderr ?? q.error?.message ?? '').trim()}`);
    } else {
      failures = 0;
      const lines = q.status === 0 ? q.stdout.split('\n').filter((l) => l.trim() !== '') : [];
      if (lines.length === 0) return;
      const by = (state: string) => lines.filter((l) => l.split(' ')[1] === state).length;
      onProgress(`Slurm job ${id}: ${count - lines.length} of ${count} points done, ${by('RUNNING')} running, ${by('PENDING')} pending`);
    }
    await sleep(poll * 1000);
  }
}

/** Task states from sacct when the cluster keeps accounting (else an empty map: the folders are the truth). */
function accountedStates(id: string): Map<number, string> {
  const r = spawnSync('sacct', ['-n', '-P', '-X', '-j', id, '-o', 'JobID,State,ExitCode'], { encoding: 'utf8' });
  const states = new Map<number, string>();
  if (r.status !== 0) return states;
  for (const line of r.stdout.split('\n')) {
    const m = /^\d+_(\d+)\|([^|]+)\|(\S+)/.exec(line.trim());
    if (m) states.set(Number(m[1]), `${m[2]}, exit ${m[3]}`);
  }
  return states;
}

function outcomeOf(job: SynthJob, runDir: string, task: number, state: string | undefined, yosysVersion: string): JobOutcome {
  const slurmLog = join(runDir, SLURM_FILES.output(task));
  const yosysLog = join(job.dir, JOB_FILES.log);
  const exitFile = join(job.dir, SLURM_FILES.exitCode);
  const code = existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : undefined;
  const tail = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').slice(-3).join(' | ') : '');
  const during = state ? ` (Slurm: ${state})` : '';
  if (code === '0') {
    try {
      const seconds = Number(readFileSync(join(job.dir, SLURM_FILES.seconds), 'utf8')) || 0;
      return { job, result: resultOf(job, readFileSync(yosysLog, 'utf8'), yosysVersion, seconds) };
    } catch (e) {
      return { job, error: `${(e as Error).message}${during}`, log: yosysLog };
    }
  }
  if (code !== undefined) return { job, error: `yosys must exit with 0, not ${code}${during}: ${tail(yosysLog)}`, log: yosysLog };
  return { job, error: `the Slurm task must run Yosys to the end, not stop before${during}: ${tail(slurmLog) || 'no Slurm output'}`, log: slurmLog };
}

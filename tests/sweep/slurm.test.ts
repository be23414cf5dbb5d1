import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasYosys } from '../helpers/oracles.ts';
import { hasSlurm, startSlurm, type SlurmCluster } from '../helpers/slurm.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { fakeYosys } from './fake-yosys.ts';
import { synthModel } from './synth-model.ts';

const BIN = resolve(import.meta.dirname, '../../bin/hlsforge.js');
const RUN = hasYosys() && hasSlurm();
const work = RUN ? tempDirForFile('sweep-slurm') : '';
const tiny = RUN ? synthModel() : { dir: '', model: '' };
afterAll(() => RUN && rmSync(tiny.dir, { recursive: true, force: true }));

const args = (cache: string, precision: string, extra: string[] = []) => ['sweep', tiny.model, '--precision', precision, '--integer-bits', '3', '-n', '10', '--cache', cache, '--json', ...extra];
const SLURM = ['--scheduler', 'slurm', '--slurm-poll', '0.5', '--slurm-partition', 'test', '--slurm-time', '10:00'];
const yosysOf = (stdout: string) => JSON.parse(stdout).points.map((p: { yosys: Record<string, unknown> }) => ({ ...p.yosys, seconds: undefined }));

describe.runIf(RUN)('hlsforge sweep --scheduler slurm, on a one-node Slurm started by the test', () => {
  let cluster: SlurmCluster | undefined;
  beforeAll(async () => void (cluster = await startSlurm()));
  afterAll(async () => cluster?.stop());
  const env = () => cluster!.env;

  it('synthesizes the points as one job array: the same cache keys and Yosys counts as local workers', () => {
    const [local, slurm] = [join(work, 'local'), join(work, 'slurm')];
    const l = hlsforge([...args(local, '6..8'), '--synth', '--jobs', '2']);
    expect(l.stderr).toBe('');
    const s = hlsforge([...args(slurm, '6..8'), ...SLURM], { env: env() });
    expect(s.stderr).toBe('');
    expect(yosysOf(s.stdout)).toEqual(yosysOf(l.stdout));
    expect(yosysOf(s.stdout).map((y: { cached: boolean }) => y.cached)).toEqual([false, false, false]);
    expect(readdirSync(slurm).sort()).toEqual(readdirSync(local).sort());
    // the run folder (scripts, Slurm outputs) is gone; a re-run submits nothing
    expect(existsSync(join(slurm, 'runs'))).toBe(false);
    const again = hlsforge([...args(slurm, '6..8'), ...SLURM], { env: env() });
    expect(yosysOf(again.stdout).map((y: { cached: boolean }) => y.cached)).toEqual([true, true, true]);
  });

  it('reports a point whose Yosys fails on the cluster with its log, kept', () => {
    const cache = join(work, 'fails');
    const r = hlsforge(args(cache, '6', SLURM), { env: { ...env(), HLSFORGE_YOSYS: fakeYosys(work, 'fails') } });
    const [run] = readdirSync(join(cache, 'runs'));
    const dir = join(cache, 'runs', run);
    expect(r.stderr).toBe(
      `hlsforge: error[synth-failed]: synthesis of some sweep points failed: every point must synthesize, not 1 of 1 failing: ` +
        `ap_fixed<6,3> RF 1: yosys must exit with 0, not 3: ERROR: cannot map this design (fake) (log: ${join(dir, '0', 'yosys.log')}); logs kept in ${dir}, the other points are cached\n`,
    );
    expect(r.status).toBe(1);
  });

  it('a refused submission is one scheduler-failed line', () => {
    const r = hlsforge(args(join(work, 'refused'), '6', [...SLURM, '--slurm-partition', 'nosuchpartition']), { env: env() });
    expect(r.stderr).toMatch(/^hlsforge: error\[scheduler-failed\]: \S+: the job scheduler refused or lost the job: sbatch must accept the job array, not exit 1: sbatch: error: invalid partition specified: nosuchpartition.*\n$/);
    expect(r.status).toBe(1);
  });

  it('Ctrl-C cancels the job array and removes the run folder; a task cancelled on the cluster is reported with its Slurm log', async () => {
    const hangs = fakeYosys(work, 'hangs');
    const run = (cache: string, when: (q: string) => boolean, act: () => void) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [BIN, ...args(cache, '6', SLURM)], { env: { ...env(), HLSFORGE_YOSYS: hangs, HLSFORGE_PROGRESS: '1' } });
        let stderr = '';
        let acted = false;
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (!acted && when(stderr)) (acted = true), act.call(child);
        });
        child.stdout.resume();
        child.on('close', (code) => done({ code, stderr }));
      });
    const queue = () => spawnSync('squeue', ['-h', '-o', '%i'], { env: env(), encoding: 'utf8' }).stdout.trim();

    const stopped = join(work, 'interrupted');
    let child: { kill(s: string): void } | undefined;
    const r = await run(stopped, (e) => /1 running/.test(e), function (this: { kill(s: string): void }) {
      child = this;
      child.kill('SIGINT');
    });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^hlsforge: error\[interrupted\]: interrupted: stopped by SIGINT/);
    expect(readdirSync(stopped)).toEqual([]);
    for (let i = 0; i < 40 && queue() !== ''; i++) await new Promise((t) => setTimeout(t, 250));
    expect(queue()).toBe('');

    const cancelled = join(work, 'cancelled');
    const c = await run(cancelled, (e) => /1 running/.test(e), () => spawnSync('scancel', ['--user=root'], { env: env() }));
    const [dir] = readdirSync(join(cancelled, 'runs')).map((d) => join(cancelled, 'runs', d));
    const line = c.stderr.trim().split('\n').at(-1)!;
    expect(line).toMatch(new RegExp(`^hlsforge: error\\[synth-failed\\]: .*ap_fixed<6,3> RF 1: the Slurm task must run Yosys to the end, not stop before: .*CANCELLED.* \\(log: ${join(dir, 'slurm-0.out')}\\)`));
    expect(readFileSync(join(dir, 'slurm-0.out'), 'utf8')).toContain('CANCELLED');
  });
});

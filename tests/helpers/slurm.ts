import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { oracle } from './oracles.ts';

const COMMANDS = ['sbatch', 'squeue', 'sinfo', 'scancel', 'slurmctld', 'slurmd', 'munged', 'mungekey'];
const present = () => COMMANDS.every((c) => !spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status);

/**
 * Debian's Slurm (slurm-wlm) and munge: installed with apt-get when missing and the tests run as root (CI); else the
 * tests are skipped outside CI (saying so) and fail in CI.
 */
export function hasSlurm(): boolean {
  if (!present() && process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'slurm-wlm', 'munge'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return oracle('Slurm (slurm-wlm, munge)', present(), 'apt-get install -y slurm-wlm munge, as root');
}

export interface SlurmCluster {
  /** the environment of the Slurm client commands (SLURM_CONF) */
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  /** stops the daemons and removes the cluster's folder */
  stop(): Promise<void>;
}

/**
 * A one-node Slurm on this machine, in a fresh temporary folder: its own munge key and socket, slurmctld and slurmd
 * in the foreground (children of the test, stopped by `stop`), no cgroups (proctrack/linuxproc), no accounting, one
 * node with 2 CPUs; resolves when the node is idle.
 */
export async function startSlurm(): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-slurm-'));
  const host = hostname().split('.')[0];
  const port = 20000 + (process.pid % 20000);
  const conf = join(dir, 'slurm.conf');
  for (const d of ['state', 'spool']) mkdirSync(join(dir, d));
  writeFileSync(
    conf,
    [
      'ClusterName=hlsforgetest',
      `SlurmctldHost=${host}(127.0.0.1)`,
      `SlurmctldPort=${port}`,
      `SlurmdPort=${port + 1}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${join(dir, 'munge.sock')}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'SchedulerType=sched/backfill',
      'MpiDefault=none',
      'ReturnToService=2',
      'SlurmdParameters=config_overrides',
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
      `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const daemons: ChildProcess[] = [];
  const start = (cmd: string, args: string[]) => {
    daemons.push(spawn(cmd, args, { env, stdio: 'ignore', detached: true }));
  };
  const stop = async () => {
    spawnSync('scancel', ['--user=root'], { env, stdio: 'ignore' });
    for (const d of daemons.reverse()) {
      if (d.pid !== undefined && d.exitCode === null) {
        try {
          process.kill(-d.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
    await Promise.all(daemons.map((d) => (d.exitCode !== null || d.signalCode !== null ? undefined : new Promise((r) => d.once('exit', r)))));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const key = spawnSync('mungekey', ['-c', '-f', '-k', join(dir, 'munge.key')], { encoding: 'utf8' });
    if (key.status !== 0) throw new Error(`mungekey failed: ${key.stderr}`);
    const m = ['-F', '-f', `--socket=${join(dir, 'munge.sock')}`, `--key-file=${join(dir, 'munge.key')}`, `--pid-file=${join(dir, 'munged.pid')}`];
    start('munged', [...m, `--log-file=${join(dir, 'munged.log')}`, `--seed-file=${join(dir, 'munged.seed')}`]);
    await sleep(500);
    start('slurmctld', ['-D', '-i', '-f', conf]);
    start('slurmd', ['-D', '-f', conf]);
    for (let t = 0; ; t++) {
      const s = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env, encoding: 'utf8' });
      if (s.status === 0 && s.stdout.trim() === 'idle') break;
      if (t > 120) {
        const log = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').slice(-8).join('\n');
        throw new Error(`the test's Slurm node is not idle after 60 s (sinfo: ${s.stdout.trim() || s.stderr.trim()})\nslurmctld.log:\n${log('slurmctld.log')}\nslurmd.log:\n${log('slurmd.log')}`);
      }
      await sleep(500);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { env, dir, stop };
}

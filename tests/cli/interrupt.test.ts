import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../fuzz/run-cli.ts';
import { hasGxx, hasVerilator, hasYosys } from '../helpers/oracles.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { fakeYosys } from '../sweep/fake-yosys.ts';

const BIN = resolve(import.meta.dirname, '../../bin/hlsforge.js');
const JET = resolve(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');
const work = tempDirForFile('interrupt');
let n = 0;
const caseDir = () => {
  const d = join(work, `case-${++n}`);
  mkdirSync(d);
  return d;
};

interface Stopped {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Run the real binary, send `signal` once its progress line matches `when` (plus `delayMs`), and wait for it to end. */
function interrupt(args: string[], cwd: string, when: RegExp, signal: NodeJS.Signals, delayMs = 0, env: NodeJS.ProcessEnv = {}): Promise<Stopped> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env, HLSFORGE_PROGRESS: '1', FORCE_COLOR: '0' } });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!sent && when.test(stderr)) {
        sent = true;
        setTimeout(() => child.kill(signal), delayMs);
      }
    });
    child.stdout.resume();
    child.on('close', (code, sig) => done({ code, signal: sig, stderr }));
  });
}

/** Processes whose working directory is inside `dir` (the compilers and simulators we started there). */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (readlinkSync(`/proc/${p}/cwd`).startsWith(dir)) pids.push(Number(p));
    } catch {
      /* gone or not ours */
    }
  }
  return pids;
}

async function noProcessesIn(dir: string): Promise<number[]> {
  for (let i = 0; i < 50 && processesIn(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return processesIn(dir);
}

/** Exit code 130 and, last on stderr, exactly one `interrupted` line. */
function expectInterrupted(r: Stopped, signal: string): void {
  expect(r.code, r.stderr).toBe(130);
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('hlsforge: progress: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^hlsforge: error\\[interrupted\\]: interrupted: stopped by ${signal}`));
}

const project = async (dir: string, extra: string[] = []) => {
  const r = await runCliInProcess(['convert', JET, '-n', '20', '-o', 'prj', ...extra], dir);
  expect(r.status, r.stderr).toBe(0);
  return join(dir, 'prj');
};

describe('Ctrl-C and SIGTERM stop children, remove temporaries and exit with 130', () => {
  it('convert: leaves neither a project nor a temporary folder', async () => {
    const dir = caseDir();
    const r = await interrupt(['convert', JET, '-n', '200000', '-o', 'out'], dir, /progress: emulate/, 'SIGINT');
    expectInterrupted(r, 'SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('convert: a signal during a long emulation (a million samples) ends it with 130 and leaves nothing', async () => {
    const dir = caseDir();
    const r = await interrupt(['convert', JET, '-n', '1000000', '-o', 'out'], dir, /progress: emulate/, 'SIGINT', 1000);
    expectInterrupted(r, 'SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!hasGxx())('csim: stops g++ and removes the half-built csim folder, keeping the project', async () => {
    const dir = caseDir();
    const prj = await project(dir);
    const r = await interrupt(['csim', prj], dir, /progress: compiling/, 'SIGTERM', 500);
    expectInterrupted(r, 'SIGTERM');
    expect(await noProcessesIn(prj)).toEqual([]);
    expect(existsSync(join(prj, 'csim'))).toBe(false);
    expect(existsSync(join(prj, 'hlsforge.json'))).toBe(true);
  });

  it.skipIf(!hasGxx() || !hasVerilator())('verify: removes its temporary folder and stops the C simulation', async () => {
    const dir = caseDir();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const r = await interrupt(['verify', JET, '-n', '5'], dir, /progress: C simulation/, 'SIGINT', 500, { TMPDIR: tmp });
    expectInterrupted(r, 'SIGINT');
    expect(await noProcessesIn(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.skipIf(!hasVerilator())('rtl-sim: stops Verilator and its make and leaves no obj_dir to be trusted', async () => {
    const dir = caseDir();
    const prj = await project(dir, ['--backend', 'rtl']);
    const r = await interrupt(['rtl-sim', prj], dir, /progress: verilator/, 'SIGTERM', 1500);
    expectInterrupted(r, 'SIGTERM');
    expect(await noProcessesIn(prj)).toEqual([]);
    expect(existsSync(join(prj, 'obj_dir'))).toBe(false);
  });

  it.skipIf(!hasYosys())('synth: stops Yosys', async () => {
    const dir = caseDir();
    const prj = await project(dir, ['--backend', 'rtl']);
    const r = await interrupt(['synth', prj], dir, /progress: yosys/, 'SIGINT', 200);
    expectInterrupted(r, 'SIGINT');
    expect(await noProcessesIn(prj)).toEqual([]);
  });

  it('sweep: stops between its points', async () => {
    const dir = caseDir();
    const r = await interrupt(['sweep', JET, '--precision', '6..16', '--reuse', '1,2,4', '-n', '20000'], dir, /progress: ap_fixed<8,/, 'SIGINT');
    expectInterrupted(r, 'SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sweep --synth: stops its Yosys workers, removes the run folder and caches nothing half-done', async () => {
    const dir = caseDir();
    const env = { HLSFORGE_YOSYS: fakeYosys(dir, 'hangs') };
    const r = await interrupt(['sweep', JET, '--precision', '6,8', '-n', '5', '--synth', '--jobs', '2', '--cache', 'cache'], dir, /progress: synthesizing 2 points/, 'SIGINT', 300, env);
    expectInterrupted(r, 'SIGINT');
    expect(r.stderr).toContain('; stopped 2 tool processes;');
    expect(await noProcessesIn(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'cache'))).toEqual([]);
  });

  it('predict: stops during the emulation and writes no output file', async () => {
    const dir = caseDir();
    const rows = Array.from({ length: 60000 }, (_, i) => Array.from({ length: 16 }, (_, j) => (((i * 31 + j * 17) % 97) / 24 - 2).toFixed(3)).join(' '));
    writeFileSync(join(dir, 'x.dat'), rows.join('\n') + '\n');
    const r = await interrupt(['predict', JET, '-i', 'x.dat', '-o', 'y.dat'], dir, /progress: emulate \(fixed point\)/, 'SIGTERM');
    expectInterrupted(r, 'SIGTERM');
    expect(readdirSync(dir)).toEqual(['x.dat']);
  });

  it('estimate: stops between parsing and estimating', async () => {
    const dir = caseDir();
    const r = await interrupt(['estimate', JET], dir, /progress: parse/, 'SIGINT');
    expectInterrupted(r, 'SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  });
});

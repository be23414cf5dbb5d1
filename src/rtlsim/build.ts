import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RTL_DIR } from '../backends/rtl/files.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { onInterrupt, trackChild } from '../util/interrupt.ts';

/**
 * The generated C++ of a large netlist is compiled without optimization (`OPT_FAST/OPT_SLOW=-O0`): g++ -Os on
 * Verilator's multi-megabyte eval functions takes minutes, -O0 seconds, and the simulation stays far faster than
 * needed for a few thousand samples.
 */
export const VERILATOR_FLAGS = ['--cc', '--exe', '--build', '-O3', '-Wno-fatal', '-j', '2', '-MAKEFLAGS', 'OPT_FAST=-O0 OPT_SLOW=-O0'];

export function checkVerilator(): string {
  const r = spawnSync('verilator', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw fail('tool-missing', {}, 'verilator must be installed (Verilator 5, e.g. `apt install verilator`) and on PATH');
  return r.stdout.trim();
}

/**
 * Builds `obj_dir/Vtb` with Verilator unless the same sources, testbench and flags were built before (the hash of
 * all of them is kept in obj_dir/.hlsforge-build). Returns whether it built.
 */
export async function buildSim(projectDir: string, top: string, sources: readonly string[], tb: string, onProgress?: (m: string) => void): Promise<boolean> {
  const objDir = join(projectDir, 'obj_dir');
  const tbFile = join(projectDir, 'sim', 'tb.cpp');
  const hash = createHash('sha256');
  for (const s of sources) hash.update(s).update(readFileSync(join(projectDir, s)));
  hash.update(tb).update(VERILATOR_FLAGS.join(' ')).update(checkVerilator());
  const digest = hash.digest('hex');
  const stamp = join(objDir, '.hlsforge-build');
  if (existsSync(join(objDir, 'Vtb')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return false;
  mkdirSync(join(projectDir, 'sim'), { recursive: true });
  writeFileSync(tbFile, tb);
  onProgress?.(`verilator: building ${top} (${sources.length} files)`);
  const args = [...VERILATOR_FLAGS, '--top-module', top, '-Mdir', 'obj_dir', '-o', 'Vtb', ...sources, tbFile];
  // an interrupted build leaves no obj_dir to be trusted (or half-reused) later
  rmSync(stamp, { force: true });
  const undo = onInterrupt(() => rmSync(objDir, { recursive: true, force: true }));
  const { code, output } = await run('verilator', args, projectDir, (line) => {
    const m = /^g\+\+.* -c .*?([\w.]+\.cpp)/.exec(line);
    if (m) onProgress?.(`verilator: compiling ${m[1]}`);
  }).finally(undo);
  if (code !== 0) {
    const errors = output.split('\n').filter((l) => /%Error|error:/.test(l)).slice(0, 8);
    throw fail('tool-failed', { file: projectDir }, `verilator exited with ${code}: ${(errors.length ? errors : output.split('\n').slice(-8)).map((l) => l.trim()).join(' | ')}`);
  }
  writeFileSync(stamp, digest);
  return true;
}

/**
 * Runs the built model `obj_dir/Vtb` on the input file `hex` (then `args`) in the project's rtl/ folder, where the
 * sources' `$readmemh` ROM files are (docs/rtl.md "ROMs").
 */
export const runModel = (projectDir: string, hex: string, args: readonly string[]) =>
  run(resolve(projectDir, 'obj_dir', 'Vtb'), [resolve(hex), ...args], resolve(projectDir, RTL_DIR));

/** Runs a command, collecting stdout+stderr; `onLine` sees each line as it arrives. */
export function run(cmd: string, args: string[], cwd: string, onLine?: (line: string) => void): Promise<{ code: number; output: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, detached: true });
    trackChild(child);
    let output = '';
    let stdout = '';
    let partial = '';
    const take = (chunk: Buffer, isOut: boolean) => {
      const text = chunk.toString();
      output += text;
      if (isOut) stdout += text;
      partial += text;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      if (onLine) lines.forEach(onLine);
    };
    child.stdout.on('data', (c: Buffer) => take(c, true));
    child.stderr.on('data', (c: Buffer) => take(c, false));
    child.on('error', (e) => reject(e));
    child.on('close', (code) => resolve({ code: code ?? 1, output, stdout }));
  });
}

import { spawn } from 'node:child_process';
import { trackChild } from '../util/interrupt.ts';

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** the program could not be started at all (ENOENT: not installed) */
  readonly missing: boolean;
}

/** Runs a program without a shell (arguments are never parsed), collecting its output. */
export function runTool(command: string, args: readonly string[], cwd: string): Promise<ToolRun> {
  const start = performance.now();
  return new Promise((resolvePromise) => {
    // its own process group, so an interruption stops the compiler's children too (src/util/interrupt.ts)
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = (code: number | null, missing: boolean) =>
      resolvePromise({ code, stdout, stderr, seconds: (performance.now() - start) / 1000, missing });
    child.on('error', (e: NodeJS.ErrnoException) => done(null, e.code === 'ENOENT'));
    child.on('close', (code) => done(code, false));
  });
}

/** The first `n` lines mentioning an error (or the first lines at all), joined with ` | ` for a one-line diagnostic. */
export function firstErrors(text: string, n = 8): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const errors = lines.filter((l) => /error/i.test(l));
  return (errors.length ? errors : lines).slice(0, n).map((l) => l.trim()).join(' | ');
}

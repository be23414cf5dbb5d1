import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { trackChild } from '../util/interrupt.ts';

/**
 * Debian's Yosys 0.23 (`apt-get install yosys`). It accepts `synth_xilinx -family xcup -abc9`; with -abc9 it warns
 * that it has no xcup timing model and uses the xc7 one, which changes LUT mapping choices only marginally
 * (docs/estimation.md).
 */
export const YOSYS = process.env.HLSFORGE_YOSYS ?? 'yosys';

const yosysMissing = () => fail('tool-missing', {}, `${YOSYS} must be on PATH, not missing; install it with: apt-get install yosys`);

let version: string | undefined;
/** `yosys -V` (e.g. "Yosys 0.23 (git sha1 7ce5011c24b)"), asked once per process: part of every synthesis cache key. */
export function yosysVersion(): string {
  if (version !== undefined) return version;
  const r = spawnSync(YOSYS, ['-V'], { encoding: 'utf8' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw yosysMissing();
  if (r.error || r.status !== 0) throw fail('tool-failed', {}, `${YOSYS} -V must exit with 0, not ${r.error?.message ?? r.status}`);
  return (version = r.stdout.trim());
}

export interface YosysRun {
  readonly log: string;
  readonly seconds: number;
}

/** The synthesis command, for UltraScale+ (its final `stat` is in the log). */
export const YOSYS_TARGET = 'synth_xilinx -family xcup -abc9';

/** The synthesis script: read the Verilog, synthesize for UltraScale+ flattened. */
export function synthScript(sources: readonly string[], top: string): string {
  const files = sources.map((s) => `"${s.replace(/["\\]/g, '')}"`).join(' ');
  return `read_verilog ${files}; ${YOSYS_TARGET} -flatten -top ${top}`;
}

/**
 * Runs Yosys on the script (in `cwd`), writing the full log to `logFile`, reporting each pass it enters through
 * `onProgress` (e.g. "SHARE pass, 42 s").
 */
export function runYosys(script: string, cwd: string, logFile: string, onProgress?: (msg: string) => void): Promise<YosysRun> {
  const start = performance.now();
  mkdirSync(dirname(logFile), { recursive: true });
  const out = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    const child = spawn(YOSYS, ['-p', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    trackChild(child);
    const chunks: string[] = [];
    let stderr = '';
    const seconds = () => (performance.now() - start) / 1000;
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      chunks.push(text);
      out.write(text);
      const passes = [...text.matchAll(/^[\d.]+ Executing (\S+) pass/gm)];
      if (passes.length) onProgress?.(`yosys: ${passes[passes.length - 1][1]} pass, ${seconds().toFixed(0)} s`);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      out.end();
      reject(e.code === 'ENOENT' ? yosysMissing() : e);
    });
    child.on('close', (code) => {
      out.end();
      const log = chunks.join('');
      if (code !== 0) {
        const errors = (log + '\n' + stderr).split('\n').filter((l) => /error/i.test(l)).slice(0, 8).map((l) => l.trim()).join(' | ');
        reject(fail('tool-failed', { file: logFile }, `yosys must exit with 0, not ${code}: ${errors || stderr.trim().slice(0, 500)}`));
        return;
      }
      resolve({ log, seconds: seconds() });
    });
  });
}

/**
 * Start-up figures of the `hlsforge` binary, as a user sees them after `npm ci` (wall clock of whole processes, best
 * of n): `--version`, and `predict` on the jet tagger up to its first bit-accurate prediction. The first run builds
 * the compile cache (.cache/hlsforge); the figures are for the runs after it, beside Node's own start and the
 * uncached path (tsx compiling every source on the fly) for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/hlsforge.js');

function bestProcess(n: number, args: string[], env: NodeJS.ProcessEnv = {}): number {
  let t = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}

export interface StartupFigures {
  readonly node: number;
  readonly version: number;
  readonly predict: number;
  readonly predictUncached: number;
}

export function measureStartup(n = 5): StartupFigures {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-startup-'));
  try {
    const one = join(dir, 'one.dat');
    writeFileSync(one, readFileSync(join(ROOT, 'examples/jet_tagger/inputs.dat'), 'utf8').split('\n')[0] + '\n');
    const predict = [BIN, 'predict', '-c', 'examples/jet_tagger/config.yml', '-i', one];
    bestProcess(1, predict); // builds the cache if the sources changed
    return {
      node: bestProcess(n, ['-e', '0']),
      version: bestProcess(n, [BIN, '--version']),
      predict: bestProcess(n, predict),
      predictUncached: bestProcess(Math.min(n, 2), predict, { HLSFORGE_NO_CACHE: '1' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const f = measureStartup();
  console.log(`node -e 0 (baseline)                  ${(f.node * 1000).toFixed(0)} ms`);
  console.log(`hlsforge --version                    ${(f.version * 1000).toFixed(0)} ms`);
  console.log(`hlsforge predict (first prediction)   ${(f.predict * 1000).toFixed(0)} ms (uncached, tsx: ${(f.predictUncached * 1000).toFixed(0)} ms)`);
}

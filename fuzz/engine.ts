import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { classify, type Outcome, type Run } from './classify.ts';
import { Random } from './random.ts';
import { runCliInProcess } from './run-cli.ts';
import { COMMANDS, FILE_KINDS, type KindName } from './targets.ts';

export interface FuzzOptions {
  readonly seed: number;
  /** at most this many cases */
  readonly count: number;
  /** and at most this long (wall clock): the run stops at whichever bound comes first */
  readonly seconds: number;
  /** every n-th case also runs as a real `hlsforge` process (0: never) */
  readonly outOfProcessEvery: number;
  /** a case slower than this is a hang */
  readonly hangMs: number;
  /** keep the files of every bad case here (default: nowhere) */
  readonly saveDir?: string;
  readonly onCase?: (c: FuzzCase) => void;
}

export interface FuzzCase {
  readonly index: number;
  readonly mutated: KindName;
  readonly args: readonly string[];
  readonly outcome: Outcome;
  readonly process: 'in' | 'out';
  readonly ms: number;
  readonly stderr: string;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  readonly seconds: number;
  readonly counts: Record<Outcome, number>;
  /** every crash, hang and leftover */
  readonly bad: readonly FuzzCase[];
}

const BIN = resolve(import.meta.dirname, '../bin/hlsforge.js');
const KINDS = Object.keys(FILE_KINDS) as KindName[];

/** The seeded files of case `index`: all valid seeds, then 1–3 mutations of one (sometimes two) of them. */
function caseFiles(r: Random): { files: Record<KindName, Uint8Array>; mutated: KindName } {
  const files = Object.fromEntries(KINDS.map((k) => [k, FILE_KINDS[k].seed()])) as unknown as Record<KindName, Uint8Array>;
  const mutated = r.pick(KINDS);
  const targets = r.chance(0.2) ? [mutated, r.pick(KINDS)] : [mutated];
  for (const k of targets) for (let n = 1 + r.int(3); n > 0; n--) files[k] = r.pick(FILE_KINDS[k].mutators)(files[k], r);
  return { files, mutated };
}

/** What a case left behind besides its inputs and, on success, its declared outputs. */
function leftovers(dir: string, inputs: readonly string[], ok: boolean): string[] {
  const allowed = new Set([...inputs, ...(ok ? ['out', 'predictions.csv'] : [])]);
  return readdirSync(dir).filter((e) => !allowed.has(e));
}

function runOutOfProcess(args: readonly string[], cwd: string, hangMs: number): Promise<Run> {
  const start = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), hangMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      done({ status, stderr, ms, timedOut: ms >= hangMs });
    });
  });
}

/** Run seeded cases until `count` or `seconds` is reached; every case's folder is removed afterwards. */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const r = new Random(opts.seed);
  const root = mkdtempSync(join(tmpdir(), 'hlsforge-fuzz-'));
  const counts: Record<Outcome, number> = { success: 0, error: 0, crash: 0, hang: 0, leftover: 0 };
  const bad: FuzzCase[] = [];
  const start = performance.now();
  let index = 0;
  try {
    for (; index < opts.count && performance.now() - start < opts.seconds * 1000; index++) {
      const { files, mutated } = caseFiles(r);
      const command = r.pick(COMMANDS);
      const outOfProcess = opts.outOfProcessEvery > 0 && index % opts.outOfProcessEvery === opts.outOfProcessEvery - 1;
      const dir = join(root, `case-${index}`);
      mkdirSync(dir);
      const names = Object.fromEntries(KINDS.map((k) => [k, FILE_KINDS[k].file])) as Record<KindName, string>;
      for (const k of KINDS) writeFileSync(join(dir, names[k]), files[k]);
      const args = command(names);
      const run = outOfProcess ? await runOutOfProcess(args, dir, opts.hangMs) : await runCliInProcess(args, dir);
      const outcome = classify(run, opts.hangMs, leftovers(dir, Object.values(names), run.status === 0));
      counts[outcome]++;
      const c: FuzzCase = { index, mutated, args, outcome, process: outOfProcess ? 'out' : 'in', ms: run.ms, stderr: run.stderr.slice(0, 2000) };
      opts.onCase?.(c);
      if (outcome === 'crash' || outcome === 'hang' || outcome === 'leftover') {
        bad.push(c);
        if (opts.saveDir) {
          const keep = join(opts.saveDir, `seed${opts.seed}-case${index}`);
          mkdirSync(keep, { recursive: true });
          for (const k of KINDS) writeFileSync(join(keep, names[k]), files[k]);
          writeFileSync(join(keep, 'case.json'), JSON.stringify(c, null, 2));
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { seed: opts.seed, cases: index, seconds: (performance.now() - start) / 1000, counts, bad };
}

/**
 * Compiling and running the C++ test drivers of tests/fixed against our headers in hls/.
 * Tests skip (with a visible message) when g++ is not installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eachLimited } from '../../../src/util/each-limited.ts';

export const HLS_DIR = fileURLToPath(new URL('../../../hls/', import.meta.url));
export const DRIVER_DIR = fileURLToPath(new URL('./', import.meta.url));

export { hasGxx } from '../../helpers/oracles.ts';

export interface BuildOptions {
  std?: 'c++14' | 'c++17';
  /** extra flags, e.g. ['-Wall', '-Wextra', '-Werror'] */
  flags?: string[];
  /** extra include directories (hls/ and the driver folder are always included) */
  includes?: string[];
}

export interface Unit {
  source: string;
  /** -D definitions, e.g. ['HLSFORGE_TYPES_START=0'] */
  defines?: string[];
}

const baseArgs = (o: BuildOptions): string[] => [
  `-std=${o.std ?? 'c++14'}`,
  '-O2',
  ...(o.flags ?? []),
  `-I${HLS_DIR}`,
  `-I${DRIVER_DIR}`,
  ...(o.includes ?? []).map((d) => `-I${d}`),
];

function gxx(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('g++', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve() : reject(new Error(`g++ ${args.join(' ')} failed:\n${stderr}`)),
    );
  });
}

/** Every header and driver source the build can read, plus the build's own arguments: a content key. */
function buildKey(units: Unit[], opts: BuildOptions): string {
  const typesFile = (d: string): string | undefined => /^HLSFORGE_TYPES_FILE="(.*)"$/.exec(d)?.[1];
  // a type list lives in a fresh temporary directory: its content, not its path, belongs to the key
  const stable = units.map((u) => ({
    source: u.source,
    defines: (u.defines ?? []).map((d) => (typesFile(d) ? readFileSync(typesFile(d)!, 'utf8') : d)),
  }));
  const hash = createHash('sha256').update(JSON.stringify({ stable, opts }));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(h|cpp)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  for (const f of [...files(HLS_DIR), ...files(DRIVER_DIR)].sort()) hash.update(f).update(readFileSync(f));
  return hash.digest('hex').slice(0, 32);
}

/**
 * Compiles the units to objects (in parallel, one g++ per core) and links them into `output`. Executables are
 * kept in a cache under the system temp directory, keyed by the content of every header, driver and type list,
 * so an unchanged build is not repeated (thousands of ap types take a while to compile).
 */
export async function build(units: Unit[], output: string, opts: BuildOptions = {}): Promise<void> {
  const cacheDir = join(tmpdir(), 'hlsforge-cpp-cache');
  const cached = join(cacheDir, buildKey(units, opts));
  if (existsSync(cached)) {
    copyFileSync(cached, output);
    return;
  }
  await compileAndLink(units, output, opts);
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(output, `${cached}.tmp${process.pid}`);
  renameSync(`${cached}.tmp${process.pid}`, cached);
}

async function compileAndLink(units: Unit[], output: string, opts: BuildOptions): Promise<void> {
  const objects = units.map((_, i) => `${output}-${i}.o`);
  await eachLimited(units.map((_, i) => i), availableParallelism(), (i) =>
    gxx([...baseArgs(opts), ...(units[i].defines ?? []).map((d) => `-D${d}`), '-c', units[i].source, '-o', objects[i]]),
  );
  await gxx([...objects, '-o', output]);
}

/** Runs an executable with stdin text; returns stdout. */
export function run(exe: string, input: string, args: string[] = []): string {
  return execFileSync(exe, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Units for a driver whose per-type table is split into `chunks` slices: `typesSource` is compiled once per
 * slice with HLSFORGE_TYPES_FILE and HLSFORGE_TYPES_START; each line of a slice is HLSFORGE_TYPE(<C++ type>).
 */
export function typeTableUnits(dir: string, typesSource: string, types: string[], chunks: number): Unit[] {
  const size = Math.ceil(types.length / chunks);
  const units: Unit[] = [];
  for (let start = 0; start < types.length; start += size) {
    const file = writeText(dir, `types-${start}.inc`, types.slice(start, start + size).map((t) => `HLSFORGE_TYPE(${t})\n`).join(''));
    units.push({ source: typesSource, defines: [`HLSFORGE_TYPES_FILE="${file}"`, `HLSFORGE_TYPES_START=${start}`] });
  }
  return units;
}

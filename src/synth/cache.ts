import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resources } from '../estimate/types.ts';

/** The default cache folder of synthesis results, relative to the working directory (`--cache DIR` overrides it). */
export const DEFAULT_SYNTH_CACHE = '.cache/hlsforge/synth';

/** One cached Yosys run: the primitive counts of its final `stat`, found again by the key of what went in. */
export interface CachedSynth {
  readonly key: string;
  readonly top: string;
  readonly yosysVersion: string;
  readonly cells: Record<string, number>;
  readonly resources: Resources;
  /** how long Yosys ran when this entry was made */
  readonly seconds: number;
}

/**
 * The content hash of a synthesis: SHA-256 over every input file (path and text, in path order), the Yosys script and
 * `yosys -V`. Same Verilog, same script, same Yosys → same counts, so the key names the result.
 */
export function synthKey(files: Readonly<Record<string, string>>, script: string, yosysVersion: string): string {
  const h = createHash('sha256');
  const field = (text: string) => h.update(`${Buffer.byteLength(text)}:`).update(text);
  field('hlsforge-synth-1');
  field(yosysVersion);
  field(script);
  for (const path of Object.keys(files).sort()) field(path), field(files[path]);
  return h.digest('hex');
}

const entryPath = (cacheDir: string, key: string): string => join(cacheDir, key.slice(0, 2), `${key}.json`);

/** The cached result of `key`, or undefined (a missing or unreadable entry is a miss: it is simply synthesized again). */
export function readCached(cacheDir: string, key: string): CachedSynth | undefined {
  const path = entryPath(cacheDir, key);
  if (!existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as CachedSynth;
    return entry.key === key && entry.resources ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Stores an entry atomically (a temporary file renamed into place): an interrupted write leaves no partial entry. */
export function writeCached(cacheDir: string, entry: CachedSynth): void {
  const path = entryPath(cacheDir, entry.key);
  mkdirSync(join(cacheDir, entry.key.slice(0, 2)), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(tmp, JSON.stringify(entry, null, 2) + '\n');
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

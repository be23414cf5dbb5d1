import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse, relative, resolve } from 'node:path';
import { homedir } from 'node:os';
import { fail } from '../diagnostics/diagnostic.ts';
import { onInterrupt, yieldToSignals } from './interrupt.ts';

/** The marker file every generated project has; only folders holding it (or empty ones) are ever replaced. */
export const PROJECT_MARKER = 'hlsforge.json';

/** Every file a run wrote into the project, one relative path a line: a later run replaces only these. */
export const MANIFEST = '.hlsforge-files';

/** What `csim`, `rtl-sim` and `synth` write inside a project: rebuilt on demand, so a new convert may drop them. */
export const BUILD_OUTPUTS = ['csim/', 'obj_dir/', 'sim/', 'synth/', 'tb_data/csim_results.log'];

/** Temporary sibling folders are `.hlsforge-tmp-<pid>-<random>`: short (any target name fits) and traceable to a process. */
const TMP_PREFIX = '.hlsforge-tmp-';

export interface WriteDirOptions {
  /** the configuration file, named in diagnostics */
  readonly file?: string;
  /** replace an existing folder even if it holds files no hlsforge run wrote */
  readonly force?: boolean;
}

/**
 * Write a whole folder or nothing: `write` fills a temporary sibling folder, which is renamed into place only when
 * it succeeded (an interruption removes it). An existing target is replaced only if it is empty or holds nothing but
 * what an earlier run wrote (its manifest) and build outputs, unless `force`.
 */
export async function writeDirAtomically(target: string, write: (tmp: string) => void | Promise<void>, opts: WriteDirOptions | string = {}): Promise<void> {
  const { file, force } = typeof opts === 'string' ? { file: opts, force: false } : opts;
  const dir = resolve(target);
  checkTarget(dir, file, force ?? false);
  const parent = dirname(dir);
  createFolder(parent, file, dir);
  removeStaleTemporaries(parent);
  const tmp = join(parent, `${TMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  createFolder(tmp, file, dir);
  const undo = onInterrupt(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    await write(tmp);
    writeFileSync(join(tmp, MANIFEST), [MANIFEST, ...filesUnder(tmp)].join('\n') + '\n');
    await yieldToSignals();
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
    undo();
  }
}

/**
 * mkdir -p, one level at a time: Node's own `recursive: true` spins forever on some pseudo file systems (e.g. below
 * /proc), and a refusal must become one diagnostic.
 */
function createFolder(dir: string, file?: string, shown = dir): void {
  const missing: string[] = [];
  let d = dir;
  for (; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  try {
    if (!statSync(d).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    for (const m of missing) mkdirSync(m);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file' : code === 'ENAMETOOLONG' ? 'the name is too long' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the path cannot exist' : (e as Error).message;
    throw fail('cannot-write', { file, key: 'OutputDir' }, `${shown} must be a folder that can be created, not refused by the system (${code ?? 'error'}: ${why})`);
  }
}

/** Temporary folders of earlier runs that were killed outright (SIGKILL, power loss): their process is gone. */
function removeStaleTemporaries(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = new RegExp(`^${TMP_PREFIX.replace('.', '\\.')}(\\d+)-`).exec(e);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(parent, e), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Relative paths of every file below `dir`, sorted. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)))
    .sort();
}

/** Longest file name and path the common file systems take (bytes). */
const MAX_NAME = 255;
const MAX_PATH = 4095;

function checkTarget(dir: string, file: string | undefined, force: boolean): void {
  const longest = Math.max(...dir.split('/').map((p) => Buffer.byteLength(p)));
  if (longest > MAX_NAME || Buffer.byteLength(dir) > MAX_PATH)
    throw fail('cannot-write', { file, key: 'OutputDir' }, `must have names of at most ${MAX_NAME} bytes and a path of at most ${MAX_PATH}, not a ${longest}-byte name in a ${Buffer.byteLength(dir)}-byte path`);
  const cwd = process.cwd();
  const forbidden = [parse(dir).root, homedir(), cwd];
  if (forbidden.includes(dir) || cwd.startsWith(dir + '/'))
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `must be a new or generated project folder, not ${dir} (it would replace the working directory, home or root)`);
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} exists and is not a folder`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || force) return;
  if (!entries.includes(PROJECT_MARKER))
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} exists and is not an hlsforge project (no ${PROJECT_MARKER}); refusing to replace it (--force replaces it)`);
  const manifest = join(dir, MANIFEST);
  if (!existsSync(manifest))
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} must list the files an earlier run wrote (${MANIFEST}), not lack it; refusing to replace it (--force replaces it)`);
  const written = new Set(readFileSync(manifest, 'utf8').split('\n').filter(Boolean));
  const foreign = filesUnder(dir).find((f) => !written.has(f) && !BUILD_OUTPUTS.some((b) => (b.endsWith('/') ? f.startsWith(b) : f === b)));
  if (foreign !== undefined)
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} must hold only files hlsforge wrote, not '${foreign}'; refusing to replace it (move the file, or --force replaces the folder)`);
}

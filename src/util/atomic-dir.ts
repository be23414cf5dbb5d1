import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { homedir } from 'node:os';
import { fail } from '../diagnostics/diagnostic.ts';

/** The marker file every generated project has; only folders holding it (or empty ones) are ever replaced. */
export const PROJECT_MARKER = 'hlsforge.json';

/**
 * Write a whole folder or nothing: `write` fills a temporary sibling folder, which is renamed into place only when
 * it succeeded. An existing target is replaced only if it is an earlier hlsforge project or empty.
 */
export async function writeDirAtomically(target: string, write: (tmp: string) => void | Promise<void>, file?: string): Promise<void> {
  const dir = resolve(target);
  checkTarget(dir, file);
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    await write(tmp);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}

function checkTarget(dir: string, file?: string): void {
  const cwd = process.cwd();
  const forbidden = [parse(dir).root, homedir(), cwd];
  if (forbidden.includes(dir) || cwd.startsWith(dir + '/'))
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `must be a new or generated project folder, not ${dir} (it would replace the working directory, home or root)`);
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} exists and is not a folder`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(PROJECT_MARKER))
    throw fail('unsafe-path', { file, key: 'OutputDir' }, `${dir} exists and is not an hlsforge project (no ${PROJECT_MARKER}); refusing to replace it`);
}

import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { onInterrupt } from './interrupt.ts';

/**
 * Write one output file (e.g. `predict -o`) whole or not at all: into a temporary sibling, then renamed. A folder,
 * a missing parent or a refused path is one `cannot-write` diagnostic naming `flag`, not a raw EISDIR.
 */
export function writeOutputFile(path: string, text: string, flag: string): void {
  const file = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    /* a new file */
  }
  if (isDir) throw fail('cannot-write', { file, key: flag }, 'must be a file path, not an existing folder');
  const tmp = join(dirname(file), `.hlsforge-tmp-${process.pid}-${basename(file).slice(0, 40)}`);
  const undo = onInterrupt(() => rmSync(tmp, { force: true }));
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw fail('cannot-write', { file, key: flag }, `must be a writable file path, not refused by the system (${code ?? (e as Error).message})`);
  } finally {
    undo();
  }
}
